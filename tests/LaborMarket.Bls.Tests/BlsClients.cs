using LaborMarket.Bls.PublicData;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Bls.Tests;

/// <summary>Builds the BLS client the way an app does (through DI, with the real resilience pipeline).</summary>
internal static class BlsClients
{
    public static ServiceProvider Build(HttpMessageHandler? primary, Action<BlsApiClientOptions>? configure = null, TimeProvider? time = null, int registrations = 1)
    {
        var services = ApiClients.Services(time);
        for (var i = 0; i < registrations; i++)
        {
            var builder = services.AddBlsApiClient(o =>
            {
                ApiClients.Fast(o.Resilience);
                configure?.Invoke(o);
            });
            if (primary is not null)
            {
                builder.ConfigurePrimaryHttpMessageHandler(() => primary);
            }
        }

        return services.BuildServiceProvider();
    }
}

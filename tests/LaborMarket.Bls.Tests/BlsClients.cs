using LaborMarket.Bls.PublicData;
using LaborMarket.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Bls.Tests;

/// <summary>Builds the BLS client the way an app does (through DI, with the real resilience pipeline).</summary>
internal static class BlsClients
{
    public static void Fast(ApiResilienceOptions o)
    {
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        o.RequestsPerSecond = 0;
    }

    public static void Faults(ApiResilienceOptions o)
    {
        Fast(o);
        o.MaxRetryAttempts = 1;
        o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        o.TotalTimeout = TimeSpan.FromMilliseconds(1500);
        o.MaxResponseBytes = 64 * 1024;
    }

    public static IServiceCollection Services(TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        return services;
    }

    public static ServiceProvider Build(HttpMessageHandler? primary, Action<BlsApiClientOptions>? configure = null, TimeProvider? time = null, int registrations = 1)
    {
        var services = Services(time);
        for (var i = 0; i < registrations; i++)
        {
            var builder = services.AddBlsApiClient(o =>
            {
                Fast(o.Resilience);
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

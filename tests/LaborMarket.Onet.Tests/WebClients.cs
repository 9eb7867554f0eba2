using LaborMarket.Http;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Onet.Tests;

/// <summary>Builds the web clients the way an app does (through DI, with the real resilience pipeline and cache).</summary>
internal static class WebClients
{
    public const string OnetKey = "test-key-5f1c2e";
    public const string UserId = "uid-7781";
    public const string Token = "tok-9c2d";

    /// <summary>Sub-second timeouts and one retry, for the fault suite against a real socket.</summary>
    public static void Faults(ApiResilienceOptions o) => ApiClients.Faults(o);

    public static ServiceCollection Services(TimeProvider? time = null) => ApiClients.Services(time);

    public static IHttpClientBuilder AddOnet(this IServiceCollection services, HttpMessageHandler? primary, Action<OnetClientOptions>? configure = null)
    {
        var builder = services.AddOnetClient(o =>
        {
            o.ApiKey = OnetKey;
            ApiClients.Fast(o.Resilience);
            configure?.Invoke(o);
        });
        return primary is null ? builder : builder.ConfigurePrimaryHttpMessageHandler(() => primary);
    }

    public static IHttpClientBuilder AddCareerOneStop(this IServiceCollection services, HttpMessageHandler? primary, Action<CareerOneStopClientOptions>? configure = null)
    {
        var builder = services.AddCareerOneStopClient(o =>
        {
            o.UserId = UserId;
            o.ApiToken = Token;
            ApiClients.Fast(o.Resilience);
            configure?.Invoke(o);
        });
        return primary is null ? builder : builder.ConfigurePrimaryHttpMessageHandler(() => primary);
    }

    public static OnetClient Onet(StubHandler stub, Action<OnetClientOptions>? configure = null, TimeProvider? time = null)
    {
        var services = Services(time);
        services.AddOnet(stub, configure);
        return services.BuildServiceProvider().GetRequiredService<OnetClient>();
    }

    public static CareerOneStopClient CareerOneStop(StubHandler stub, Action<CareerOneStopClientOptions>? configure = null, TimeProvider? time = null)
    {
        var services = Services(time);
        services.AddCareerOneStop(stub, configure);
        return services.BuildServiceProvider().GetRequiredService<CareerOneStopClient>();
    }
}

using LaborMarket.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Testing;

/// <summary>What every API client test sets up the same way: short waits, the fault-suite limits, and DI with fake logging.</summary>
public static class ApiClients
{
    /// <summary>No pacing and short waits, so stub tests do not wait on the limiter.</summary>
    public static void Fast(ApiResilienceOptions o)
    {
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
        o.RequestsPerSecond = 0;
    }

    /// <summary>Sub-second timeouts and one retry, for the fault suite against a real socket.</summary>
    public static void Faults(ApiResilienceOptions o)
    {
        Fast(o);
        o.MaxRetryAttempts = 1;
        o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
        o.TotalTimeout = TimeSpan.FromMilliseconds(1500);
        o.MaxResponseBytes = 64 * 1024;
    }

    /// <summary>A service collection with trace logging into a fake collector, and <paramref name="time"/> when given.</summary>
    public static ServiceCollection Services(TimeProvider? time = null)
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
}

using LaborMarket.Http;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The HTTP plumbing every LaborMarket web client is registered with.</summary>
public static class LaborMarketHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds, once per client name (a second call changes nothing), the LaborMarket request pipeline on
    /// Microsoft.Extensions.Http.Resilience: a rate limiter outermost, a total timeout, retries honouring Retry-After up
    /// to <see cref="ApiResilienceOptions.MaxRetryAfter"/>, a circuit breaker and an attempt timeout; innermost, a guard
    /// that refuses redirects to another host and reads each body with a size cap inside the attempt timeout. Request
    /// logging is replaced by one that cuts the endpoint's credentials out of every address. The client's own
    /// <see cref="HttpClient.Timeout"/> is turned off: the pipeline owns the timeouts. Every clock is the
    /// <see cref="TimeProvider"/> registered in the container, or the system clock.
    /// </summary>
    /// <param name="builder">The client's builder.</param>
    /// <param name="resilience">The client's validated resilience options.</param>
    /// <param name="endpoint">The client's service name, credentials and size cap.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddLaborMarketResilience(this IHttpClientBuilder builder, Func<IServiceProvider, ApiResilienceOptions> resilience, Func<IServiceProvider, ApiEndpoint> endpoint)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = builder.Name;
        if (builder.Services.Any(d => d.ServiceType == typeof(Registered) && d.ImplementationInstance is Registered r && r.Name == name))
        {
            return builder;
        }

        builder.Services.AddSingleton(new Registered(name));
        builder
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                // Redirects are followed by the guard, which keeps them on the configured host.
                switch (handler)
                {
                    case SocketsHttpHandler sockets:
                        sockets.AllowAutoRedirect = false;
                        break;
                    case HttpClientHandler client:
                        client.AllowAutoRedirect = false;
                        break;
                }
            })
            .AddResilienceHandler("LaborMarket", (pipeline, context) => ResiliencePipelines.Configure(
                pipeline,
                resilience(context.ServiceProvider),
                context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.AddHttpMessageHandler(sp => new ResponseGuardHandler(endpoint(sp)));
        return builder
            .RemoveAllLoggers()
            .AddLogger(sp => new RedactingHttpLogger(sp.GetRequiredService<ILoggerFactory>().CreateLogger("LaborMarket.Http." + name), endpoint(sp)));
    }

    private sealed record Registered(string Name);
}

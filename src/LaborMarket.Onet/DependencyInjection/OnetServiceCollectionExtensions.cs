using LaborMarket.Http;
using LaborMarket.Onet;
using LaborMarket.Onet.Caching;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Onet: the offline O*NET database and the O*NET and CareerOneStop web clients.</summary>
public static class OnetServiceCollectionExtensions
{
    /// <summary>Registers <see cref="OnetDatabase"/>, the offline O*NET database (set its path in configuration).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddOnetDatabase(this IServiceCollection services)
        => services.AddOnetDatabase(static _ => { });

    /// <summary>Registers the offline O*NET database, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="OnetDatabaseOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddOnetDatabase(this IServiceCollection services, Action<OnetDatabaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OnetDatabaseOptions>().Configure(configure).ValidateOnStart();
        return services.AddDatabaseCore();
    }

    /// <summary>Registers the offline O*NET database, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="OnetDatabaseOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddOnetDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnetDatabaseOptions>().Bind(configuration).ValidateOnStart();
        return services.AddDatabaseCore();
    }

    /// <summary>Registers <see cref="OnetClient"/> (O*NET Web Services v2), with the key and options from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The client's builder: add handlers, or replace the primary handler.</returns>
    public static IHttpClientBuilder AddOnetClient(this IServiceCollection services)
        => services.AddOnetClient(static _ => { });

    /// <summary>Registers <see cref="OnetClient"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="OnetClientOptions"/>; the API key is required.</param>
    /// <returns>The client's builder: add handlers, or replace the primary handler.</returns>
    public static IHttpClientBuilder AddOnetClient(this IServiceCollection services, Action<OnetClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OnetClientOptions>().Configure(configure).ValidateOnStart();
        return services.AddOnetClientCore();
    }

    /// <summary>Registers <see cref="OnetClient"/>, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="OnetClientOptions"/>.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddOnetClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnetClientOptions>().Bind(configuration).ValidateOnStart();
        return services.AddOnetClientCore();
    }

    /// <summary>Registers <see cref="CareerOneStopClient"/>, with the user id, token and options from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCareerOneStopClient(this IServiceCollection services)
        => services.AddCareerOneStopClient(static _ => { });

    /// <summary>Registers <see cref="CareerOneStopClient"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="CareerOneStopClientOptions"/>; user id and token are required.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCareerOneStopClient(this IServiceCollection services, Action<CareerOneStopClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<CareerOneStopClientOptions>().Configure(configure).ValidateOnStart();
        return services.AddCareerOneStopCore();
    }

    /// <summary>Registers <see cref="CareerOneStopClient"/>, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="CareerOneStopClientOptions"/>.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddCareerOneStopClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CareerOneStopClientOptions>().Bind(configuration).ValidateOnStart();
        return services.AddCareerOneStopCore();
    }

    /// <summary>
    /// Keeps the web clients' responses in files under <paramref name="directory"/> instead of memory, so they
    /// survive restarts (call before or after adding the clients).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="directory">The cache folder (created when missing).</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddOnetFileCache(this IServiceCollection services, string directory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        services.Replace(ServiceDescriptor.Singleton<IApiResponseCache>(sp => new FileApiResponseCache(directory, sp.GetService<TimeProvider>())));
        return services;
    }

    private static IServiceCollection AddDatabaseCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnetDatabaseOptions>, OnetDatabaseOptionsValidator>());

        // Read once, on first use; immutable and thread-safe afterwards.
        services.TryAddSingleton(sp => OnetDatabase.Load(
            sp.GetRequiredService<IOptions<OnetDatabaseOptions>>().Value.DatabasePath
            ?? throw new InvalidOperationException("OnetDatabaseOptions.DatabasePath is not set: configure the O*NET text release folder or zip.")));
        return services;
    }

    private static IHttpClientBuilder AddOnetClientCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnetClientOptions>, WebClientOptionsValidator>());
        services.AddResponseCache();
        services.TryAddSingleton(sp => new ClientResilience<OnetClient>(sp.GetRequiredService<IOptions<OnetClientOptions>>().Value.Resilience, sp.GetService<TimeProvider>()));
        return services
            .AddHttpClient(nameof(OnetClient))
            .AddTypedClient(static (http, sp) =>
                new OnetClient(http, sp.GetRequiredService<IOptions<OnetClientOptions>>().Value, sp.GetService<IApiResponseCache>()))
            .ConfigureHttpClient(static (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<OnetClientOptions>>().Value.BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .AddHttpMessageHandler(static sp => new ApiResilienceHandler(sp.GetRequiredService<ClientResilience<OnetClient>>().Value))
            .RemoveAllLoggers()
            .AddLogger(static sp => new RedactingHttpLogger(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("LaborMarket.Onet.OnetClient"),
                () => [sp.GetRequiredService<IOptions<OnetClientOptions>>().Value.ApiKey]));
    }

    private static IHttpClientBuilder AddCareerOneStopCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareerOneStopClientOptions>, WebClientOptionsValidator>());
        services.AddResponseCache();
        services.TryAddSingleton(sp => new ClientResilience<CareerOneStopClient>(sp.GetRequiredService<IOptions<CareerOneStopClientOptions>>().Value.Resilience, sp.GetService<TimeProvider>()));
        return services
            .AddHttpClient(nameof(CareerOneStopClient))
            .AddTypedClient(static (http, sp) =>
                new CareerOneStopClient(http, sp.GetRequiredService<IOptions<CareerOneStopClientOptions>>().Value, sp.GetService<IApiResponseCache>()))
            .ConfigureHttpClient(static (sp, http) =>
            {
                http.BaseAddress = sp.GetRequiredService<IOptions<CareerOneStopClientOptions>>().Value.BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(static sp => new ApiResilienceHandler(sp.GetRequiredService<ClientResilience<CareerOneStopClient>>().Value))
            .RemoveAllLoggers()
            .AddLogger(static sp => new RedactingHttpLogger(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("LaborMarket.Onet.CareerOneStopClient"),
                () => [sp.GetRequiredService<IOptions<CareerOneStopClientOptions>>().Value.UserId, sp.GetRequiredService<IOptions<CareerOneStopClientOptions>>().Value.ApiToken]));
    }

    private static void AddResponseCache(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.TryAddSingleton<IApiResponseCache>(static sp => new MemoryApiResponseCache(sp.GetRequiredService<IMemoryCache>()));
    }
}

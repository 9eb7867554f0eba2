using System.Diagnostics.CodeAnalysis;
using LaborMarket.Onet;
using LaborMarket.Onet.Caching;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Onet: the offline O*NET database, programs and skills, and the O*NET and CareerOneStop web clients.</summary>
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

    /// <summary>
    /// Registers the programs and skills services: <see cref="CipSocCrosswalk"/>, <see cref="OccupationSkills"/> and
    /// <see cref="ProgramRanking"/>, with the offline <see cref="OnetDatabase"/> they read (set the paths in configuration).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketPrograms(this IServiceCollection services)
        => services.AddLaborMarketPrograms(static _ => { });

    /// <summary>
    /// Registers the programs and skills services, configured by <paramref name="configure"/>. The options are checked
    /// when the host starts: a missing file fails the start with a message naming it. Each file is read once, on first use.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="ProgramsOptions"/>; the crosswalk and the O*NET database are required.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketPrograms(this IServiceCollection services, Action<ProgramsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ProgramsOptions>().Configure(configure).ValidateOnStart();
        return services.AddProgramsCore();
    }

    /// <summary>Registers the programs and skills services, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="ProgramsOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketPrograms(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ProgramsOptions>().Bind(configuration).ValidateOnStart();
        return services.AddProgramsCore();
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
    /// Keeps the web clients' responses in a SQLite database at <paramref name="path"/> as well as in memory, so they
    /// survive restarts and are shared by processes on the machine (call before or after adding the clients). It becomes
    /// the container's <see cref="IDistributedCache"/>, HybridCache's second level. A damaged or expired entry is fetched
    /// again; a file or folder that cannot be written turns caching off with one warning, never a failed call.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="path">The database file (created with its folder when missing), such as <c>~/.cache/labormarket/responses.db</c>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketSqliteCache(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.RemoveAll<IDistributedCache>();
        services.AddSingleton<IDistributedCache>(sp => new SqliteDistributedCache(
            path,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>()?.CreateLogger("LaborMarket.Onet.Caching") ?? NullLogger.Instance));
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

    private static IServiceCollection AddProgramsCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProgramsOptions>, ProgramsOptionsValidator>());

        // One O*NET database for the whole container: AddOnetDatabase's when it was called (before or after), else the programs' path.
        services.TryAddSingleton(static sp => OnetDatabase.Load(
            sp.GetService<IOptions<OnetDatabaseOptions>>()?.Value.DatabasePath ?? Options<ProgramsOptions>(sp).OnetDatabasePath!));
        services.TryAddSingleton(static sp =>
        {
            var o = Options<ProgramsOptions>(sp);
            return CipSocCrosswalk.Load(o.CrosswalkPath!, o.CipCodesPath, sp.GetRequiredService<OnetDatabase>());
        });
        services.TryAddSingleton(static sp =>
        {
            var o = Options<ProgramsOptions>(sp);
            return OccupationSkills.Load(sp.GetRequiredService<OnetDatabase>(), o.RatingsPath, o.ImportanceThreshold);
        });
        services.TryAddSingleton(static sp => new ProgramRanking(
            sp.GetRequiredService<CipSocCrosswalk>(), sp.GetRequiredService<OccupationSkills>(), Options<ProgramsOptions>(sp).MinimumSimilarity));
        return services;
    }

    private static IHttpClientBuilder AddOnetClientCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnetClientOptions>, WebClientOptionsValidator>());
        services.AddHybridCache();
        var builder = services.AddHttpClient(nameof(OnetClient));
        if (services.Any(d => d.ServiceType == typeof(OnetClient)))
        {
            return builder; // registered before: a second call adds no handler
        }

        return builder
            .AddTypedClient(static (http, sp) => new OnetClient(http, Options<OnetClientOptions>(sp), sp.GetService<HybridCache>(), sp.GetService<TimeProvider>()))
            .ConfigureHttpClient(static (sp, http) => http.BaseAddress = Options<OnetClientOptions>(sp).BaseAddress)
            .AddLaborMarketResilience(
                static sp => Options<OnetClientOptions>(sp).Resilience,
                static sp => OnetClient.Endpoint(Options<OnetClientOptions>(sp), sp.GetService<TimeProvider>()));
    }

    private static IHttpClientBuilder AddCareerOneStopCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CareerOneStopClientOptions>, WebClientOptionsValidator>());
        services.AddHybridCache();
        var builder = services.AddHttpClient(nameof(CareerOneStopClient));
        if (services.Any(d => d.ServiceType == typeof(CareerOneStopClient)))
        {
            return builder;
        }

        return builder
            .AddTypedClient(static (http, sp) => new CareerOneStopClient(http, Options<CareerOneStopClientOptions>(sp), sp.GetService<HybridCache>(), sp.GetService<TimeProvider>()))
            .ConfigureHttpClient(static (sp, http) => http.BaseAddress = Options<CareerOneStopClientOptions>(sp).BaseAddress)
            .AddLaborMarketResilience(
                static sp => Options<CareerOneStopClientOptions>(sp).Resilience,
                static sp => CareerOneStopClient.Endpoint(Options<CareerOneStopClientOptions>(sp), sp.GetService<TimeProvider>()));
    }

    private static T Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider sp)
        where T : class => sp.GetRequiredService<IOptions<T>>().Value;
}

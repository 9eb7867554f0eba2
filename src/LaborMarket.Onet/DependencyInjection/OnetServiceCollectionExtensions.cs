using LaborMarket.Onet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Onet with a service collection.</summary>
public static class OnetServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LaborMarket.Onet.Database.OnetDatabase"/>, the offline O*NET database (set its path in configuration).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketOnet(this IServiceCollection services)
        => services.AddLaborMarketOnet(static _ => { });

    /// <summary>Registers the offline O*NET database, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="OnetDatabaseOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketOnet(this IServiceCollection services, Action<OnetDatabaseOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OnetDatabaseOptions>().Configure(configure).ValidateOnStart();
        return services.AddCore();
    }

    /// <summary>Registers the offline O*NET database, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="OnetDatabaseOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketOnet(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnetDatabaseOptions>().Bind(configuration).ValidateOnStart();
        return services.AddCore();
    }

    private static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OnetDatabaseOptions>, OnetDatabaseOptionsValidator>());

        // Read once, on first use; immutable and thread-safe afterwards.
        services.TryAddSingleton(sp => LaborMarket.Onet.Database.OnetDatabase.Load(
            sp.GetRequiredService<IOptions<OnetDatabaseOptions>>().Value.DatabasePath
            ?? throw new InvalidOperationException("OnetDatabaseOptions.DatabasePath is not set: configure the O*NET text release folder or zip.")));
        return services;
    }
}

using LaborMarket.Bls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Bls with a service collection.</summary>
public static class BlsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LaborMarket.Bls.Fallback.WageLookup"/> over the OEWS wage data (set the data folder in configuration).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services)
        => services.AddLaborMarketBls(static _ => { });

    /// <summary>Registers the OEWS wage data, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="WageDataOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services, Action<WageDataOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WageDataOptions>().Configure(configure).ValidateOnStart();
        return services.AddCore();
    }

    /// <summary>Registers the OEWS wage data, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="WageDataOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WageDataOptions>().Bind(configuration).ValidateOnStart();
        return services.AddCore();
    }

    private static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WageDataOptions>, WageDataOptionsValidator>());

        // Loaded once, on first use, from the configured folder; immutable and thread-safe afterwards.
        services.TryAddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<WageDataOptions>>().Value.DataDirectory
                ?? throw new InvalidOperationException("WageDataOptions.DataDirectory is not set: configure the folder of OEWS files and crosswalks.");
            return LaborMarket.Bls.Fallback.WageData.LoadDirectory(directory);
        });
        return services;
    }
}

using LaborMarket.Normalization.Occupations;
using LaborMarket.Normalization.Titles;
using LaborMarket.Onet;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.FeaturedRoles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Onet's featured roles: the SQLite store and the SOC suggester.</summary>
public static class FeaturedRolesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeaturedRoleStore"/> (inheriting content from a registered <see cref="IOccupationContentSource"/>,
    /// else from <see cref="OnetDatabase"/> when <c>AddOnetDatabase</c> was called) and <see cref="FeaturedRoleSocSuggester"/>
    /// (the registered <see cref="TitleNormalizer"/>, and the semantic suggester when <c>AddLaborMarketEmbeddings</c> was called).
    /// The clock is the registered <see cref="TimeProvider"/>, <see cref="TimeProvider.System"/> by default.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="FeaturedRoleStoreOptions"/>; the database path is required.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketFeaturedRoles(this IServiceCollection services, Action<FeaturedRoleStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FeaturedRoleStoreOptions>().Configure(configure).ValidateOnStart();
        return services.AddFeaturedRolesCore();
    }

    /// <summary>The same, bound to a configuration section shaped like <see cref="FeaturedRoleStoreOptions"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketFeaturedRoles(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FeaturedRoleStoreOptions>().Bind(configuration).ValidateOnStart();
        return services.AddFeaturedRolesCore();
    }

    private static IServiceCollection AddFeaturedRolesCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FeaturedRoleStoreOptions>, FeaturedRoleStoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new FeaturedRoleStore(
            sp.GetRequiredService<IOptions<FeaturedRoleStoreOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IOccupationContentSource>() ?? sp.GetService<OnetDatabase>()));
        services.TryAddSingleton(sp => new FeaturedRoleSocSuggester(
            sp.GetService<TitleNormalizer>() ?? TitleNormalizer.Default,
            sp.GetService<IOccupationSuggester>()));
        return services;
    }
}

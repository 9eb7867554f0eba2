using LaborMarket.Normalization;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Normalization with a service collection.</summary>
public static class NormalizationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="TitleNormalizer"/> as a singleton over the embedded role catalog.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketNormalization(this IServiceCollection services)
        => services.AddLaborMarketNormalization(static _ => { });

    /// <summary>Registers the title normalizer, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets catalog and O*NET database paths and matching options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketNormalization(
        this IServiceCollection services, Action<TitleNormalizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TitleNormalizerOptions>().Configure(configure).ValidateOnStart();
        return services.AddNormalizationCore();
    }

    /// <summary>Registers the title normalizer, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="TitleNormalizerOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketNormalization(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TitleNormalizerOptions>().Bind(configuration).ValidateOnStart();
        return services.AddNormalizationCore();
    }

    private static IServiceCollection AddNormalizationCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TitleNormalizerOptions>, TitleNormalizerOptionsValidator>());

        // Immutable and thread-safe: one instance for the application, built on first use.
        services.TryAddSingleton(sp => TitleNormalizer.Create(sp.GetRequiredService<IOptions<TitleNormalizerOptions>>().Value));
        return services;
    }
}

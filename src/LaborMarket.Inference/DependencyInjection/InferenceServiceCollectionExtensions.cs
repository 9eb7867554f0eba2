using LaborMarket.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Inference with a service collection.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LaborMarket.Inference.Registry.ModelRegistry"/> (set its folder in configuration).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketInference(this IServiceCollection services)
        => services.AddLaborMarketInference(static _ => { });

    /// <summary>Registers the model registry, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="ModelRegistryOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketInference(this IServiceCollection services, Action<ModelRegistryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ModelRegistryOptions>().Configure(configure).ValidateOnStart();
        return services.AddCore();
    }

    /// <summary>Registers the model registry, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="ModelRegistryOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketInference(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ModelRegistryOptions>().Bind(configuration).ValidateOnStart();
        return services.AddCore();
    }

    private static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRegistryOptions>, ModelRegistryOptionsValidator>());

        // The registry keeps loaded models: one thread-safe predictor per model version for the whole app.
        services.TryAddSingleton(static sp => new LaborMarket.Inference.Registry.ModelRegistry(
            sp.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.RegistryPath
            ?? throw new InvalidOperationException("ModelRegistryOptions.RegistryPath is not set: configure the model registry folder.")));
        return services;
    }
}

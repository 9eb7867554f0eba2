using LaborMarket.Embeddings;
using LaborMarket.Embeddings.Clustering;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Embeddings.</summary>
public static class EmbeddingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedding model (<see cref="ITextEmbedder"/>: all-MiniLM-L6-v2 unless one is already registered),
    /// <see cref="TitleClusterer"/> and <see cref="OnetSemanticServices"/>, with default options.
    /// </summary>
    public static IServiceCollection AddLaborMarketEmbeddings(this IServiceCollection services)
        => services.AddLaborMarketEmbeddings(static _ => { });

    /// <summary>The same, with options set in code.</summary>
    public static IServiceCollection AddLaborMarketEmbeddings(this IServiceCollection services, Action<EmbeddingsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EmbeddingsOptions>().Configure(configure).ValidateOnStart();
        return services.AddEmbeddingsCore();
    }

    /// <summary>The same, with options bound from configuration.</summary>
    public static IServiceCollection AddLaborMarketEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmbeddingsOptions>().Bind(configuration).ValidateOnStart();
        return services.AddEmbeddingsCore();
    }

    private static IServiceCollection AddEmbeddingsCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmbeddingsOptions>, EmbeddingsOptionsValidator>());

        // The model is loaded once (about 90 MB) and is thread-safe; a host's own ITextEmbedder registered first wins.
        services.TryAddSingleton<ITextEmbedder>(sp => new MiniLmTextEmbedder(sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Threads));
        services.TryAddSingleton(sp => new TitleClusterer(sp.GetRequiredService<ITextEmbedder>()));
        services.TryAddSingleton(sp => new OnetSemanticServices(
            sp.GetRequiredService<ITextEmbedder>(),
            sp.GetRequiredService<IOptions<EmbeddingsOptions>>(),
            sp.GetService<TitleNormalizer>()));
        services.TryAddSingleton<LaborMarket.Normalization.Occupations.IOccupationSuggester, LaborMarket.Embeddings.Occupations.SemanticOccupationSuggester>();
        return services;
    }
}

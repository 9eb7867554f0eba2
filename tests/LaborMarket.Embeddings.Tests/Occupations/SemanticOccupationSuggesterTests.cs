using LaborMarket.Embeddings.Embedding;
using LaborMarket.Normalization.Occupations;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Embeddings.Tests.Occupations;

/// <summary>The <see cref="IOccupationSuggester"/> hook that <c>AddLaborMarketEmbeddings</c> registers for other packages.</summary>
public class SemanticOccupationSuggesterTests
{
    [DataFact]
    public async Task SuggestAsync_Registered_AnswersFromTitleAndDescription()
    {
        var services = new ServiceCollection().AddSingleton<ITextEmbedder>(SharedModel.Embedder);
        services.AddLaborMarketEmbeddings(o =>
        {
            o.OnetDatabasePath = OnetSubset.Path;
            o.CacheDirectory = SharedModel.CacheDirectory;
        });
        using var provider = services.BuildServiceProvider();

        var suggestions = await provider.GetRequiredService<IOccupationSuggester>()
            .SuggestAsync("Associate", "Install and repair residential wiring, breaker panels and light fixtures to code.", 3);

        Assert.Equal("47-2111", suggestions[0].Soc.ToString());
        Assert.Contains("task: ", suggestions[0].Evidence, StringComparison.Ordinal);
        Assert.InRange(suggestions.Count, 1, 3);
    }

    [Fact]
    public async Task SuggestAsync_NoOnetDatabase_AnswersNothingSoCallersFallBack()
    {
        var services = new ServiceCollection().AddSingleton<ITextEmbedder>(SharedModel.Embedder);
        services.AddLaborMarketEmbeddings();
        using var provider = services.BuildServiceProvider();

        Assert.Empty(await provider.GetRequiredService<IOccupationSuggester>().SuggestAsync("Electrician", null, 3));
    }
}

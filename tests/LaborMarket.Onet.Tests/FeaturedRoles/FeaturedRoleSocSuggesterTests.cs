using LaborMarket.Normalization.Occupations;
using LaborMarket.Normalization.Titles;
using LaborMarket.Onet.FeaturedRoles;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

public class FeaturedRoleSocSuggesterTests
{
    [Fact]
    public async Task SuggestAsync_TitleOnly_UsesTheTitleNormalizer()
    {
        var suggester = new FeaturedRoleSocSuggester(TitleNormalizer.Default);

        var suggestions = await suggester.SuggestAsync("Senior Software Engineer", top: 3);

        Assert.Equal(SocCode.Parse("15-1252"), suggestions[0].Soc);
        Assert.StartsWith("title: ", suggestions[0].Evidence, StringComparison.Ordinal);
        Assert.InRange(suggestions.Count, 1, 3);
        Assert.Equal(suggestions.Count, suggestions.Select(s => s.Code).Distinct().Count());
    }

    [Fact]
    public async Task SuggestAsync_SemanticSuggesterRegistered_GetsTitleAndDescription()
    {
        var semantic = new RecordingSuggester([new OccupationSuggestion(OnetSocCode.Parse("29-1141.03"), "Critical Care Nurses", 0.8, "description")]);
        var suggester = new FeaturedRoleSocSuggester(TitleNormalizer.Default, semantic);
        var role = new FeaturedRole { Id = "icu", Employer = "Mercy", Title = "ICU RN", Code = OnetSocCode.Parse("29-1141.00"), Description = "Care for ventilated patients." };

        var suggestions = await suggester.SuggestAsync(role);

        Assert.Equal("29-1141.03", suggestions.Single().Code.ToString());
        Assert.Equal(("ICU RN", "Care for ventilated patients."), semantic.Asked.Single());
    }

    [Fact]
    public async Task SuggestAsync_SemanticSuggesterHasNoAnswer_FallsBackToTitles()
    {
        var semantic = new RecordingSuggester([]);
        var suggester = new FeaturedRoleSocSuggester(TitleNormalizer.Default, semantic);

        var suggestions = await suggester.SuggestAsync("Registered Nurse", "Cares for patients.");

        Assert.Single(semantic.Asked);
        Assert.Equal(SocCode.Parse("29-1141"), suggestions[0].Soc);
    }

    // A hand-written IOccupationSuggester that records what it was asked: the hook's contract, not the semantic model.
    private sealed class RecordingSuggester(IReadOnlyList<OccupationSuggestion> answer) : IOccupationSuggester
    {
        public List<(string, string?)> Asked { get; } = [];

        public Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(string title, string? description, int top, CancellationToken cancellationToken = default)
        {
            Asked.Add((title, description));
            return Task.FromResult(answer);
        }
    }
}

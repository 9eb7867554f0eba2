using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Titles;
using Xunit.Abstractions;

namespace LaborMarket.Embeddings.Tests.Occupations;

public class SocSuggesterTests(ITestOutputHelper output)
{
    [DataFact]
    public async Task SuggestAsync_HandWrittenRolesInTheSubset_FindsTheirCodeInTopFive()
    {
        var lexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = OnetSubset.Path });
        var titles = new SemanticTitleNormalizer(lexical, SharedModel.SubsetIndex, SharedModel.Embedder);
        var suggester = new SocSuggester(titles, SharedModel.SubsetIndex, SharedModel.Embedder);
        var roles = RoleDescriptions.Load().Where(r => OnetSubset.Groups.Contains(r.Soc.ToString()[..2])).ToList();

        int top1 = 0, top5 = 0;
        foreach (var role in roles)
        {
            var s = await suggester.SuggestAsync(role.Title, role.Description, 5);
            Assert.InRange(s.Count, 1, 5);
            Assert.All(s, x => Assert.NotEmpty(x.Evidence));
            Assert.True(s.Sum(x => x.Score) <= 1.0001);
            top1 += s[0].Soc == role.Soc ? 1 : 0;
            top5 += s.Any(x => x.Soc == role.Soc) ? 1 : 0;
        }

        output.WriteLine($"subset roles: {roles.Count}, top-1 {top1}, top-5 {top5}");
        Assert.True(roles.Count >= 25);
        Assert.True(top5 >= roles.Count * 0.8, $"top-5 {top5} of {roles.Count}");
        Assert.True(top1 >= roles.Count * 0.6, $"top-1 {top1} of {roles.Count}");
    }

    [DataFact]
    public async Task SuggestAsync_WithDescription_CitesTasks()
    {
        var lexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = OnetSubset.Path });
        var suggester = new SocSuggester(new SemanticTitleNormalizer(lexical, SharedModel.SubsetIndex, SharedModel.Embedder), SharedModel.SubsetIndex, SharedModel.Embedder);

        var s = await suggester.SuggestAsync("Associate", "Install and repair residential wiring, breaker panels and light fixtures to code.", 3);

        Assert.Equal("47-2111", s[0].Soc.ToString());
        Assert.Contains(s[0].Evidence, e => e.Kind == "task");
    }

    [Fact]
    public async Task SuggestAsync_BlankTitle_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new SocSuggester(
            new SemanticTitleNormalizer(TitleNormalizer.Default, SharedModel.SubsetIndex, SharedModel.Embedder), SharedModel.SubsetIndex, SharedModel.Embedder)
            .SuggestAsync(" ", "text"));
}

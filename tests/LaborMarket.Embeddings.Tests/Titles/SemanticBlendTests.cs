using LaborMarket.Embeddings.Search;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Tests.Titles;

public class SemanticBlendTests
{
    private static readonly Dictionary<OnetSocCode, string> NoNames = [];

    [DataFact]
    public void Rank_WithoutSemanticEvidence_KeepsTheLexicalDecisionFirst()
    {
        // The lexical decision weighs seniority and the head word, so it is not always the best-scoring alias
        // ("Director of Strategy" is a manager, though its best alias is "strategy analyst").
        var lexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = TestData.DataPath("onet/db_27_0_text") });
        var titles = LabeledTitles.H1b().Select(t => t.Title).Distinct().ToList();
        var differentFromBestAlias = 0;
        foreach (var title in titles)
        {
            var account = lexical.Explain(title, 10);
            if (account.Match.SocCode is not { } decided)
            {
                continue;
            }

            differentFromBestAlias += account.Candidates.Count > 0 && account.Candidates.MaxBy(c => c.Score)!.Role.Soc != decided ? 1 : 0;
            var ranking = SemanticBlend.Rank(account, [], BlendParameters.Default, NoNames);
            Assert.True(ranking[0].Soc == decided, $"'{title}': lexical {decided}, ranked first {ranking[0].Soc}");
        }

        Assert.True(differentFromBestAlias > 10, $"only {differentFromBestAlias} titles decide against their best alias");
    }

    [Fact]
    public void Rank_ManagerialTitleCodedAsManagement_CountsOnlyManagementNeighbors()
    {
        var account = TitleNormalizer.Default.Explain("Director of Delivery", 10);
        Assert.Equal(SeniorityLevel.Director, account.Match.Seniority);
        Assert.Equal(11, account.Match.SocCode?.MajorGroupNumber);
        SimilarItem[] neighbors =
        [
            new(new VectorEntry("Delivery Person", OnetSocCode.Parse("53-3033.00"), "title"), 0, 0.75f),
            new(new VectorEntry("Delivery Driver", OnetSocCode.Parse("53-3033.00"), "title"), 1, 0.72f),
            new(new VectorEntry("Delivery Manager", OnetSocCode.Parse("11-3071.04"), "title"), 2, 0.63f),
        ];

        var ruled = SemanticBlend.Rank(account, neighbors, BlendParameters.Default, NoNames);
        var unruled = SemanticBlend.Rank(account, neighbors, BlendParameters.Default with { ManagementOnly = false }, NoNames);

        Assert.Equal(11, ruled[0].Soc.MajorGroupNumber);
        Assert.All(ruled.Where(c => c.Soc.MajorGroupNumber != 11), c => Assert.Equal(0, c.SemanticScore));
        Assert.Equal(1.0, ruled.Single(c => c.Soc.ToString() == "11-3071").SemanticScore, 3);
        Assert.True(unruled.Single(c => c.Soc.ToString() == "53-3033").SemanticScore > 0.5);
    }

    [Theory]
    [InlineData("Delivery Associate")]   // not coded as a manager
    [InlineData("School Principal")]     // coded as a manager (11-9032), but not a managerial seniority
    public void Rank_RuleDoesNotApply_CountsEveryNeighbor(string title)
    {
        var account = TitleNormalizer.Default.Explain(title, 10);
        Assert.False(account.Match.Seniority is SeniorityLevel.Manager or SeniorityLevel.Director or SeniorityLevel.VicePresident or SeniorityLevel.Executive);
        SimilarItem[] neighbors =
        [
            new(new VectorEntry("Delivery Person", OnetSocCode.Parse("53-3033.00"), "title"), 0, 0.80f),
            new(new VectorEntry("Delivery Manager", OnetSocCode.Parse("11-3071.04"), "title"), 1, 0.60f),
        ];

        var ranking = SemanticBlend.Rank(account, neighbors, BlendParameters.Default, NoNames);

        Assert.True(ranking.Single(c => c.Soc.ToString() == "53-3033").SemanticScore > 0.5);
        Assert.True(ranking.Single(c => c.Soc.ToString() == "11-3071").SemanticScore > 0);
    }

    [Fact]
    public void Rank_LexicalScoreIsTheMatchersOwn_WhileTheDecisionRanksFirst()
    {
        var account = TitleNormalizer.Default.Explain("Head of Operations", 10);
        var decided = account.Match.SocCode!.Value;

        var ranking = SemanticBlend.Rank(account, [], BlendParameters.Default, NoNames);

        Assert.Equal(decided, ranking[0].Soc);
        var own = account.Candidates.Where(c => c.Role.Soc == decided).Select(c => c.Score).DefaultIfEmpty(0).Max();
        Assert.Equal(own, ranking[0].LexicalScore);
    }
}

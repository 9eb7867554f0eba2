using LaborMarket.Files;
using System.Text;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Catalog;

public class RoleCatalogTests
{
    private static readonly int[] CivilianMajorGroups = [11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, 39, 41, 43, 45, 47, 49, 51, 53];

    [Fact]
    public void Embedded_HasOver400RolesInEveryCivilianMajorGroup()
    {
        var roles = RoleCatalog.Embedded.Roles;

        Assert.True(roles.Count >= 400, $"{roles.Count} roles");
        Assert.Equal(CivilianMajorGroups, roles.Select(r => r.Soc.MajorGroupNumber).Distinct().Order().ToArray());
        Assert.Equal(roles.Count, roles.Select(r => r.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(roles, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Name));
            Assert.False(string.IsNullOrWhiteSpace(r.Family));
            Assert.True(r.Aliases.Count >= 2, r.Id);
            Assert.Equal(RoleSource.Embedded, r.Source);
        });
    }

    [Fact]
    public void Embedded_AnAliasNamesOneRole_ExceptTitlesThatAreAmbiguous()
    {
        // Titles that really are used for more than one occupation: the normalizer gives them a lower confidence.
        string[] ambiguous =
        [
            "career technical education teacher", "chemistry teacher", "computer science teacher", "engineer", "engineering director",
            "engineering manager", "english teacher", "food server", "food service worker", "foreign language teacher", "history teacher",
            "information technology specialist", "mechanic", "physics teacher", "picker", "program director", "restaurant manager",
            "sales representative", "special education teacher", "teacher", "therapist",
        ];
        var cleaner = new LaborMarket.Normalization.Text.TitleCleaner();
        var scratch = new LaborMarket.Normalization.Text.TitleScratch();
        var rolesByKey = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var role in RoleCatalog.Embedded.Roles)
        {
            foreach (var alias in role.Aliases)
            {
                cleaner.Clean(alias, scratch);
                var key = scratch.BuildKey(primaryOnly: true).ToString();
                (rolesByKey.TryGetValue(key, out var ids) ? ids : rolesByKey[key] = []).Add(role.Id);
            }
        }

        // Two roles with one alias split its exact matches between them, whatever their codes.
        var shared = rolesByKey.Where(p => p.Value.Count > 1).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ambiguous, shared);
    }

    [DataFact]
    public void Embedded_EveryCodeIsAnOnetOccupation()
    {
        var onet = RealFiles.OnetRows("Occupation Data.txt").ToDictionary(f => f[0], f => f[1]);

        Assert.All(RoleCatalog.Embedded.Roles, r => Assert.True(onet.ContainsKey(r.OnetSoc.ToString()), $"{r.Id}: {r.OnetSoc} is not in O*NET 27.0"));
    }

    [DataFact]
    public void Embedded_EverySocCodeIsPublishedByOewsOrItsBroadGroup()
    {
        var current = RealFiles.CurrentSocCodes();

        Assert.All(RoleCatalog.Embedded.Roles, r =>
            Assert.True(current.Contains(r.Soc.ToString()) || current.Contains(r.Soc.Broad.ToString()), $"{r.Id}: {r.Soc}"));
    }

    [Fact]
    public void MergeJson_AddsRoleAddsAliasAndMovesAlias()
    {
        var json = """
            {
              // comments and trailing commas are fine
              "roles": [
                { "id": "prompt-engineer", "name": "Prompt Engineer", "family": "Engineering", "onet_soc": "15-1252.00",
                  "aliases": ["prompt engineer", "llm prompt designer"] },
                { "id": "software-engineer", "aliases": ["code ninja"] },
              ],
              "aliases": { "tech lead": "prompt-engineer" }
            }
            """;

        var merged = RoleCatalog.Embedded.MergeJson(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var normalizer = TitleNormalizer.Create(merged);

        Assert.Equal(RoleCatalog.Embedded.Roles.Count + 1, merged.Roles.Count);
        Assert.Equal("prompt-engineer", normalizer.Normalize("Senior LLM Prompt Designer").Role?.Id);
        Assert.Equal("software-engineer", normalizer.Normalize("Code Ninja").Role?.Id);
        Assert.Equal("prompt-engineer", normalizer.Normalize("Tech Lead").Role?.Id);
        Assert.DoesNotContain("tech lead", merged.Find("software-engineer")!.Aliases);
        Assert.Equal(RoleSource.Custom, merged.Find("software-engineer")!.Source);
        Assert.Equal("15-1252", merged.Find("prompt-engineer")!.Soc.ToString());
    }

    [Theory]
    [InlineData("{ \"roles\": [ { \"id\": \"x\", \"onet_soc\": \"15-1252.00\" } ] }", 1, "name")]
    [InlineData("{\n \"roles\": [\n { \"id\": \"x\",\n \"name\": \"X\",\n \"onet_soc\": \"15-12\" } ] }", 5, "onet_soc")]
    [InlineData("{\n \"roles\": [\n { \"name\": \"X\" } ] }", 3, "id")]
    [InlineData("{\n \"aliases\": {\n \"foo\": \"no-such-role\" } }", 3, "aliases")]
    [InlineData("{\n \"roles\": [\n { \"id\": \"x\", \"aliases\": [1] } ] }", 3, "aliases")]
    public void MergeJson_BadCatalog_NamesLineAndField(string json, int line, string field)
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() =>
            RoleCatalog.Embedded.MergeJson(new MemoryStream(Encoding.UTF8.GetBytes(json)), "roles.json"));

        Assert.Equal("roles.json", ex.FileName);
        Assert.Equal(line, ex.LineNumber);
        Assert.Equal(field, ex.Field);
        Assert.Contains($"roles.json:{line}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeJson_TruncatedJson_NamesTheLine()
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() =>
            RoleCatalog.Embedded.MergeJson(new MemoryStream(Encoding.UTF8.GetBytes("{\n \"roles\": [\n { \"id\": \"x\"")), "cut.json"));

        Assert.Equal(3, ex.LineNumber);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException, exactMatch: false);
    }

    [Fact]
    public void ParseEmbedded_MalformedLine_NamesLineAndField()
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() =>
            RoleCatalog.ParseEmbedded(new StringReader("# header\nok | Ok | Fam | 15-1252.00 | a\nbad | Bad | Fam | 15-99 | b\n"), "roles.txt"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("onet_soc", ex.Field);
    }

    [Fact]
    public void Role_Soc_ComesFromOnetCode() =>
        Assert.Equal(SocCode.Parse("21-1018"), new Role("x", "X", "F", OnetSocCode.Parse("21-1014.00")).Soc);
}

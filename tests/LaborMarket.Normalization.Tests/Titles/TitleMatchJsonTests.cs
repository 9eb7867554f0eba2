using System.Text.Json;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

public class TitleMatchJsonTests
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void Serialize_DefaultOptions_WritesCodesAndSeniorityAsText()
    {
        var json = JsonSerializer.Serialize(TitleNormalizer.Default.Normalize("RN - ICU Nights"));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("29-1141", root.GetProperty("SocCode").GetString());
        Assert.Equal("29-1141.00", root.GetProperty("OnetSocCode").GetString());
        Assert.Equal("mid", root.GetProperty("Seniority").GetString());
        Assert.Equal("29-1141", root.GetProperty("Role").GetProperty("Soc").GetString());
        Assert.Contains(root.GetProperty("MatchedBy").GetString(), new[] { "exact_alias", "word_set", "token_score", "fuzzy" });
    }

    [Theory]
    [InlineData("RN - ICU Nights")]
    [InlineData("Sr. Software Engineer II - Backend (Remote)")]
    [InlineData("VP, Human Resources")]
    [InlineData("qwzx blorp")]
    [InlineData("")]
    public void RoundTrip_Match_IsEqual(string title)
    {
        var match = TitleNormalizer.Default.Normalize(title);

        var viaContext = JsonSerializer.Deserialize(JsonSerializer.Serialize(match, NormalizationJsonContext.Default.TitleMatch), NormalizationJsonContext.Default.TitleMatch);
        var viaDefaults = JsonSerializer.Deserialize<TitleMatch>(JsonSerializer.Serialize(match));
        var viaSnakeCase = JsonSerializer.Deserialize(JsonSerializer.Serialize(match, SnakeCase), new NormalizationJsonContext(new JsonSerializerOptions(SnakeCase)).TitleMatch);

        Assert.Equal(match, viaContext);
        Assert.Equal(match, viaDefaults);
        Assert.Equal(match, viaSnakeCase);
        Assert.Equal(match.SocCode, viaContext!.SocCode);
    }

    [Theory]
    [InlineData("Marketing Data Engineer Lead", 5)]
    [InlineData("Television Production Specialist", 3)]
    [InlineData("qwzx blorp", 5)]
    [InlineData("#### 12345 !!!", 1)]
    public void RoundTrip_ExplanationWithCandidates_IsEqual(string title, int topK)
    {
        var explanation = TitleNormalizer.Default.Explain(title, topK);

        var json = JsonSerializer.Serialize(explanation, NormalizationJsonContext.Default.TitleExplanation);
        var back = JsonSerializer.Deserialize(json, NormalizationJsonContext.Default.TitleExplanation);

        Assert.Equal(explanation, back);
        Assert.Equal(explanation.Summary, back!.Summary);
        Assert.Equal(explanation, JsonSerializer.Deserialize<TitleExplanation>(JsonSerializer.Serialize(explanation)));
    }

    [Fact]
    public void RoundTrip_ExplanationOfAMatch_KeepsEveryCandidate()
    {
        var explanation = TitleNormalizer.Default.Explain("Marketing Data Engineer Lead", 5);
        Assert.True(explanation.Match.IsMatch);
        Assert.InRange(explanation.Candidates.Count, 2, 5);

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(explanation, NormalizationJsonContext.Default.TitleExplanation), NormalizationJsonContext.Default.TitleExplanation)!;

        Assert.Equal(explanation.Candidates.Select(c => (c.Role.Id, c.Role.Soc, c.Score, c.MatchedText)), back.Candidates.Select(c => (c.Role.Id, c.Role.Soc, c.Score, c.MatchedText)));
        Assert.Equal(explanation.Match.Role!.Aliases, back.Match.Role!.Aliases);
    }

    [Fact]
    public void With_NewInput_KeepsTheDecisionAndNothingElseChanges()
    {
        var engineer = TitleNormalizer.Default.Normalize("Software Engineer");

        var edited = engineer with { Input = "Registered Nurse" };

        // A result is plain data: the copy says what it was told, and nothing is worked out again behind it.
        Assert.Equal("Registered Nurse", edited.Input);
        Assert.Equal(engineer.Role, edited.Role);
        Assert.Equal(engineer.SocCode, edited.SocCode);
        Assert.Equal("15-1252", edited.SocCode?.ToString());
        Assert.Equal(engineer with { Input = "Software Engineer" }, engineer);
        Assert.NotEqual(engineer, edited);
        var json = JsonSerializer.Serialize(edited, NormalizationJsonContext.Default.TitleMatch);
        using var before = JsonDocument.Parse(JsonSerializer.Serialize(engineer, NormalizationJsonContext.Default.TitleMatch));
        using var after = JsonDocument.Parse(json);
        var changed = before.RootElement.EnumerateObject().Zip(after.RootElement.EnumerateObject())
            .Where(p => p.First.Value.GetRawText() != p.Second.Value.GetRawText()).Select(p => p.Second.Name);
        Assert.Equal(["Input"], changed);
        Assert.Equal(edited, JsonSerializer.Deserialize(json, NormalizationJsonContext.Default.TitleMatch));
    }

    [Theory]
    [InlineData(SeniorityLevel.Intern, "intern")]
    [InlineData(SeniorityLevel.Senior, "senior")]
    [InlineData(SeniorityLevel.VicePresident, "vice_president")]
    [InlineData(SeniorityLevel.Executive, "executive")]
    public void SeniorityLevel_RoundTrip_IsItsLowerCaseName(SeniorityLevel level, string name)
    {
        var json = JsonSerializer.Serialize(level, NormalizationJsonContext.Default.SeniorityLevel);

        Assert.Equal($"\"{name}\"", json);
        Assert.Equal(level, JsonSerializer.Deserialize(json, NormalizationJsonContext.Default.SeniorityLevel));
        Assert.Equal(level, JsonSerializer.Deserialize<SeniorityLevel>(json));
    }

    [Fact]
    public void SeniorityLevel_UnknownName_IsAJsonException() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"grand poobah\"", NormalizationJsonContext.Default.SeniorityLevel));
}

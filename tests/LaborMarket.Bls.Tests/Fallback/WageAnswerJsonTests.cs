using System.Text.Json;
using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Tests.Fallback;

public class WageAnswerJsonTests
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly BlsJsonContext SnakeCaseContext = new(new JsonSerializerOptions(SnakeCase));
    private static readonly Lazy<WageLookup> Real = new(() => WageData.LoadDirectory(TestData.DataPath("")));

    public static TheoryData<string, string> Questions => new()
    {
        { "29-1141", "county:12103" },          // a county answered by its metro
        { "15-1252", "county:12103" },          // not published in the metro: the state's figures
        { "29-1229", "nation" },                // a top-coded national median (a lower bound)
        { "29-1229", "state:FL" },
        { "15-1132", "nation" },                // a SOC 2010 code
        { "29-1141", "place:Tampa, FL" },
        { "11-1011", "area:1200006" },
        { "99-9999", "state:FL" },              // found nowhere
    };

    [DataTheory]
    [MemberData(nameof(Questions))]
    public void RoundTrip_ExplainedAnswer_IsEqual(string soc, string where)
    {
        var answer = Real.Value.Explain(SocCode.Parse(soc), Location(where));
        Assert.NotEmpty(answer.Steps);

        var viaContext = JsonSerializer.Deserialize(JsonSerializer.Serialize(answer, BlsJsonContext.Default.WageAnswer), BlsJsonContext.Default.WageAnswer);
        var viaDefaults = JsonSerializer.Deserialize<WageAnswer>(JsonSerializer.Serialize(answer));
        var viaSnakeCase = JsonSerializer.Deserialize(JsonSerializer.Serialize(answer, SnakeCase), SnakeCaseContext.WageAnswer);

        Assert.Equal(answer, viaContext);
        Assert.Equal(answer, viaDefaults);
        Assert.Equal(answer, viaSnakeCase);
        Assert.Equal(answer.Steps, viaContext!.Steps);
        Assert.Equal(answer.AnnualMedian?.Value.IsLowerBound, viaContext.AnnualMedian?.Value.IsLowerBound);
    }

    [DataFact]
    public void RoundTrip_TopCodedFigure_StaysALowerBound()
    {
        var answer = Real.Value.Explain(SocCode.Parse("29-1229"), WageLocation.Nation);
        var median = Assert.NotNull(answer.AnnualMedian);
        Assert.True(median.Value.IsLowerBound);
        Assert.Contains(answer.Steps, s => s.Contains("top-coded (#)", StringComparison.Ordinal));

        var json = JsonSerializer.Serialize(answer, BlsJsonContext.Default.WageAnswer);
        using var doc = JsonDocument.Parse(json);
        var written = doc.RootElement.GetProperty("AnnualMedian");

        Assert.Equal("top_coded", written.GetProperty("Value").GetProperty("Marker").GetString());
        Assert.True(written.GetProperty("Value").GetProperty("IsLowerBound").GetBoolean());
        Assert.Equal(median.Value.Value, written.GetProperty("Value").GetProperty("Value").GetDouble());
        Assert.Equal("99", written.GetProperty("Area").GetString());
        Assert.Equal(median, JsonSerializer.Deserialize(json, BlsJsonContext.Default.WageAnswer)!.AnnualMedian);
    }

    [DataFact]
    public void Serialize_NursesInPinellas_MatchesTheSnapshot()
    {
        // The whole answer as a host would store it: figures, where each came from, and every step.
        var answer = Real.Value.Explain(SocCode.Parse("29-1141"), WageLocation.ForCounty(CountyFips.Parse("12103")), year: 2024);

        Snapshot.Verify(answer);
    }

    [Fact]
    public void WageLocation_EachKind_RoundTrips()
    {
        WageLocation[] locations =
        [
            WageLocation.Nation,
            WageLocation.ForCounty(CountyFips.Parse("12103")),
            WageLocation.ForArea(OewsAreaCode.Parse("45300")),
            WageLocation.ForState(UsState.Parse("FL")),
            WageLocation.ForPlace("Pinellas County, FL"),
        ];

        foreach (var location in locations)
        {
            var json = JsonSerializer.Serialize(location, BlsJsonContext.Default.WageLocation);
            Assert.Equal(location, JsonSerializer.Deserialize(json, BlsJsonContext.Default.WageLocation));
            Assert.Equal(location, JsonSerializer.Deserialize<WageLocation>(json));
        }

        Assert.Equal("{\"County\":\"12103\"}", JsonSerializer.Serialize(locations[1]));
        Assert.Equal("{}", JsonSerializer.Serialize(WageLocation.Nation));
    }

    [Theory]
    [InlineData("{\"County\":\"12\"}")]
    [InlineData("{\"State\":7}")]
    [InlineData("[]")]
    public void WageLocation_BadJson_IsAJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, BlsJsonContext.Default.WageLocation));

    [Fact]
    public void OewsValue_EachMarker_RoundTrips()
    {
        OewsValue[] values = [new(52_000, OewsMarker.None), new(239_200, OewsMarker.TopCoded), new(null, OewsMarker.WageNotAvailable), OewsValue.Blank];

        foreach (var value in values)
        {
            Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, BlsJsonContext.Default.OewsValue), BlsJsonContext.Default.OewsValue));
        }
    }

    private static WageLocation Location(string where)
    {
        var (kind, text) = where.IndexOf(':', StringComparison.Ordinal) is var i and > 0 ? (where[..i], where[(i + 1)..]) : (where, "");
        return kind switch
        {
            "county" => WageLocation.ForCounty(CountyFips.Parse(text)),
            "state" => WageLocation.ForState(UsState.Parse(text)),
            "place" => WageLocation.ForPlace(text),
            "area" => WageLocation.ForArea(OewsAreaCode.Parse(text)),
            _ => WageLocation.Nation,
        };
    }
}

using System.Text.Json;
using LaborMarket.Onet.Database;

namespace LaborMarket.Onet.Tests.Content;

public class OccupationProfileJsonTests
{
    private static readonly OnetJsonContext SnakeCase = new(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
    private static readonly Lazy<OnetDatabase> Real = new(() => OnetDatabase.Load(TestData.DataPath("onet/db_27_0_text")));

    [DataFact]
    public void RoundTrip_RegisteredNurses_IsEqual()
    {
        var rn = Real.Value.Find(SocCode.Parse("29-1141"))!;

        var json = JsonSerializer.Serialize(rn, OnetJsonContext.Default.OccupationProfile);
        var back = JsonSerializer.Deserialize(json, OnetJsonContext.Default.OccupationProfile);

        Assert.Equal(rn, back);
        Assert.Equal(rn, JsonSerializer.Deserialize<OccupationProfile>(JsonSerializer.Serialize(rn)));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("29-1141.00", doc.RootElement.GetProperty("Code").GetString());
        Assert.Equal(rn.Tasks.Count, doc.RootElement.GetProperty("Tasks").GetArrayLength());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("Related")[0].GetProperty("Code").ValueKind);
    }

    [DataFact]
    public void RoundTrip_EveryTwentiethOccupationOfTheRelease_IsEqual()
    {
        var db = Real.Value;

        foreach (var code in db.Codes.Where((_, i) => i % 20 == 0))
        {
            var profile = db.Find(code)!;
            Assert.Equal(profile, JsonSerializer.Deserialize(JsonSerializer.Serialize(profile, OnetJsonContext.Default.OccupationProfile), OnetJsonContext.Default.OccupationProfile));
            Assert.Equal(profile, JsonSerializer.Deserialize(JsonSerializer.Serialize(profile, SnakeCase.OccupationProfile), SnakeCase.OccupationProfile));
        }
    }

    [DataFact]
    public void Equals_ProfileWithOneTaskLess_IsNotEqual()
    {
        var rn = Real.Value.Find(SocCode.Parse("29-1141"))!;

        Assert.NotEqual(rn, rn with { Tasks = rn.Tasks.Skip(1).ToArray() });
        Assert.Equal(rn, rn with { Tasks = rn.Tasks.ToArray() });
    }
}

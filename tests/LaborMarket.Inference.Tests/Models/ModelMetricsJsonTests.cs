using System.Text.Json;
using LaborMarket.Inference.Models;

namespace LaborMarket.Inference.Tests.Models;

/// <summary>The models' public results are plain data: a System.Text.Json round trip gives an equal value.</summary>
public class ModelMetricsJsonTests
{
    [DataFact]
    public void Serialize_TrainedMetrics_RoundTrips()
    {
        var archetype = H1bRecords.ArchetypeModel.Metrics!;
        var headcount = H1bRecords.HeadcountModel.Metrics!;

        Assert.Equal(archetype, JsonSerializer.Deserialize<ArchetypeMetrics>(JsonSerializer.Serialize(archetype)));
        Assert.Equal(headcount, JsonSerializer.Deserialize<HeadcountMetrics>(JsonSerializer.Serialize(headcount)));
    }

    [Fact]
    public void Serialize_ArchetypeScore_RoundTrips()
    {
        var score = new ArchetypeScore(0.25, false);

        Assert.Equal(score, JsonSerializer.Deserialize<ArchetypeScore>(JsonSerializer.Serialize(score)));
    }
}

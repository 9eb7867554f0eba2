using LaborMarket.Inference.Models;

namespace LaborMarket.Inference.Tests.Models;

public class DataSplitTests
{
    [Fact]
    public void Random_SeventyFifteenFifteen_DisjointAndSeeded()
    {
        var a = DataSplit.Random(1000, seed: 7);
        var b = DataSplit.Random(1000, seed: 7);
        var c = DataSplit.Random(1000, seed: 8);

        Assert.Equal((700, 150, 150), (a.Train.Count, a.Validation.Count, a.Test.Count));
        Assert.Equal(1000, a.Train.Concat(a.Validation).Concat(a.Test).Distinct().Count());
        Assert.Equal(a.Test, b.Test);
        Assert.NotEqual(a.Test, c.Test);
    }

    [Fact]
    public void ByTime_OldestTrainNewestTest()
    {
        var dates = Enumerable.Range(0, 100).Select(i => (DateOnly?)new DateOnly(2020, 1, 1).AddDays((i * 37) % 100)).ToArray();

        var split = DataSplit.ByTime(dates);

        var latestTrain = split.Train.Max(i => dates[i]!.Value);
        Assert.True(split.Validation.All(i => dates[i]!.Value >= latestTrain));
        Assert.True(split.Test.All(i => dates[i]!.Value >= split.Validation.Max(j => dates[j]!.Value)));
        Assert.Equal((70, 15, 15), (split.Train.Count, split.Validation.Count, split.Test.Count));
    }

    [Fact]
    public void CategoryCodes_MostFrequentFirstUnseenMissing()
    {
        var codes = new CategoryCodes(["nurse", "chef", "nurse", "pilot", "nurse", "chef"]);

        Assert.Equal(0, codes.Code("nurse"));
        Assert.Equal(1, codes.Code("chef"));
        Assert.True(double.IsNaN(codes.Code("astronaut")));
    }
}

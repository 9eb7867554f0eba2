using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// Very deep trees: prediction and contributions run without recursion (on a thread with a 256 KB stack) and in
/// memory bounded by the depth, and a tree past <see cref="LightGbmModelOptions.MaxTreeDepth"/> is refused at load.
/// </summary>
public class LightGbmModelDeepTreeTests
{
    [Fact]
    public void PredictContributions_TwentyThousandLeavesTwoThousandLevels_AddUpOnSmallStackInBoundedMemory()
    {
        // 2,000 spine nodes with a 16-leaf subtree each: 32,001 leaves, 2,004 levels.
        var model = LightGbmModel.Parse(new StringReader(DeepTreeModel.Write(depth: 2000, subtreeLevels: 4, features: 8)), "deep.txt");
        Assert.Equal(32_001, model.Trees[0].NumLeaves);
        Assert.Equal(2004, model.MaxDepth);

        var rng = new Random(5);
        var failure = (Exception?)null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    for (var r = 0; r < 20; r++)
                    {
                        var x = Enumerable.Range(0, 8).Select(_ => rng.Next(4) == 0 ? double.NaN : rng.NextDouble() * 1200).ToArray();
                        var phi = new double[9];
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        model.PredictContributions(x, phi);
                        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

                        // The path buffer follows depth x features (about 0.5 MB here); by leaves it would be 16 GB.
                        Assert.True(allocated < 8L << 20, $"allocated {allocated:N0} bytes");
                        Assert.Equal(model.PredictRaw(x), phi.Sum(), 6);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        Assert.Null(failure);
    }

    [Fact]
    public void Parse_TreeDeeperThanLimit_IsRefusedNamingTheChildren()
    {
        var text = DeepTreeModel.Write(depth: 3000, subtreeLevels: 0, features: 3);

        var ex = Assert.Throws<LaborMarketFormatException>(() => LightGbmModel.Parse(new StringReader(text), "deep.txt"));

        Assert.Contains(ex.Field, new[] { "left_child", "right_child" });
        Assert.Contains("MaxTreeDepth", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TreeDeeperThanDefault_LoadsWithARaisedLimit()
    {
        var text = DeepTreeModel.Write(depth: 3000, subtreeLevels: 0, features: 3);

        var model = LightGbmModel.Parse(new StringReader(text), "deep.txt", new LightGbmModelOptions { MaxTreeDepth = 4000 });
        var x = new[] { 700.0, double.NaN, 12.0 };
        var phi = new double[4];
        model.PredictContributions(x, phi);

        Assert.Equal(3000, model.MaxDepth);
        Assert.Equal(model.PredictRaw(x), phi.Sum(), 6);
    }
}

using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// The feature-by-feature evaluation reaches the leaf a walk down each tree reaches, on the fixtures' rows and on
/// the values where the two could part: every threshold itself and its neighbouring doubles, signed zeros, the
/// zero-as-missing range, NaN, infinities and categories out of range or with a fraction.
/// </summary>
public class BitvectorForestTests
{
    public static TheoryData<string> Fixtures() => new(LightGbmFixture.All.Where(n => n != "linear_tree"));

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void Leaves_AtEveryThresholdAndSpecialValue_AreTheWalksLeaves(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var forest = Assert.IsType<BitvectorForest>(model.Forest);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var trees = model.Trees;

        var special = new[]
        {
            double.NaN, 0.0, -0.0, 1e-36, -1e-36, 1e-35, -1e-35, 1.0000000180025095e-35, double.PositiveInfinity, double.NegativeInfinity,
            -0.5, -1.0, -1.5, 0.5, 1.0, 2.5, 31.0, 32.0, 63.0, 64.0, 1e9, 3e9, -3e9, double.MaxValue, double.Epsilon,
        };
        var values = new List<double>[model.FeatureCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = [.. special];
        }

        foreach (var tree in trees)
        {
            for (var n = 0; n < tree.NumLeaves - 1; n++)
            {
                var t = tree.Threshold[n];
                values[tree.SplitFeature[n]].AddRange([t, Math.BitIncrement(t), Math.BitDecrement(t)]);
            }
        }

        var words = new ulong[forest.TreeCount];
        var leaves = new int[trees.Count];
        var x = new double[model.FeatureCount];
        var checkedRows = 0;
        void Check(string what)
        {
            forest.Leaves(x, leaves, words);
            for (var t = 0; t < trees.Count; t++)
            {
                var walked = trees[t].Leaf(x);
                Assert.True(walked == leaves[t], $"{name} {what} tree {t}: walk {walked}, forest {leaves[t]}");
            }

            checkedRows++;
        }

        foreach (var row in rows.Take(20))
        {
            for (var i = 0; i < map.Length; i++)
            {
                x[i] = row[map[i]];
            }

            Check("test row");
            for (var feature = 0; feature < x.Length; feature++)
            {
                var kept = x[feature];
                foreach (var v in values[feature].DistinctBy(BitConverter.DoubleToInt64Bits).Take(400))
                {
                    x[feature] = v;
                    Check($"feature {feature} = {v:R}");
                }

                x[feature] = kept;
            }
        }

        Assert.True(checkedRows >= Math.Min(20, rows.Length) * model.FeatureCount * 20, $"{checkedRows} rows checked");
    }

    [DataFact]
    public void Forest_TreesOfMoreThan64Leaves_AreWalkedWithTheSameNumbers()
    {
        var set = TrainingSet.ReadCsvAsync(Path.Combine(TestData.FixturePath("lightgbm/regression_l2"), "train.csv"), "salary").GetAwaiter().GetResult();
        var big = GbdtTrainer.Train(set, new GbdtParameters { NumIterations = 5, NumLeaves = 100, MinDataInLeaf = 5 }).Model;
        var small = GbdtTrainer.Train(set, new GbdtParameters { NumIterations = 5, NumLeaves = 64, MinDataInLeaf = 5 }).Model;

        Assert.Null(big.Forest);
        Assert.Contains(big.Trees, t => t.NumLeaves > 64);
        Assert.NotNull(small.Forest);
        Assert.Contains(small.Trees, t => t.NumLeaves == 64);
        foreach (var model in new[] { big, small })
        {
            var leaves = new int[model.TreeCount];
            for (var r = 0; r < 200; r++)
            {
                var x = set.Row(r).ToArray();
                var sum = model.Trees.Sum(t => t.Output(x));
                Assert.Equal(sum, model.PredictRaw(x), 9);
                model.PredictLeaves(x, leaves);
                Assert.Equal(model.Trees.Select(t => t.Leaf(x)), leaves);
            }
        }
    }
}

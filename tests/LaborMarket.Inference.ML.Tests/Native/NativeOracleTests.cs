using System.Globalization;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.ML.Tests.Native;

/// <summary>The managed engine against native LightGBM on every fixture and on freshly trained random models.</summary>
public sealed class NativeOracleTests
{
    public static TheoryData<string> Fixtures => [.. Fixture.All];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [DataTheory("fixtures")]
    [MemberData(nameof(Fixtures))]
    public void Predict_EveryFixtureRow_EqualsNativeLightGbmBitForBit(string name)
    {
        var fixture = new Fixture(name);
        var text = File.ReadAllText(fixture.ModelPath);
        var model = LightGbmModel.Parse(new StringReader(text));
        var rows = fixture.Rows(model);

        AssertSame(model, text, rows);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Predict_RandomModel_EqualsNativeLightGbmBitForBit(int seed)
    {
        var random = new Random(seed);
        var features = random.Next(3, 9);
        var categorical = Enumerable.Range(0, features).Where(_ => random.NextDouble() < 0.3).ToArray();
        var (objective, extra, label) = (seed % 4) switch
        {
            0 => ("regression", "", (Func<double[], Random, float>)((x, r) => (float)(Sum(x) + r.NextDouble()))),
            1 => ("binary", "", (x, r) => Sum(x) + r.NextDouble() > 2 ? 1 : 0),
            2 => ("multiclass", " num_class=3", (x, r) => (float)Math.Clamp(Math.Floor((Sum(x) / 2) + r.NextDouble()), 0, 2)),
            _ => ("poisson", "", (x, r) => (float)Math.Floor(Math.Abs(Sum(x)) + (3 * r.NextDouble()))),
        };
        var linear = seed % 5 == 0 && categorical.Length == 0;
        var (train, labels) = Data(random, 3000, features, categorical, label);
        var categories = categorical.Length > 0 ? " categorical_feature=" + string.Join(',', categorical) : "";
        var datasetParameters = string.Create(CultureInfo.InvariantCulture, $"max_bin={random.Next(15, 256)} verbose=-1{categories}{(linear ? " linear_tree=true" : "")}");
        var parameters = string.Create(CultureInfo.InvariantCulture,
            $"objective={objective}{extra} num_leaves={random.Next(2, 40)} learning_rate=0.1 min_data_in_leaf={random.Next(5, 40)} verbose=-1 num_threads=1 deterministic=true seed={seed} max_cat_to_onehot={random.Next(2, 6)}{categories}{(linear ? " linear_tree=true" : "")}");

        var text = NativeLightGbm.Train(train, features, labels, datasetParameters, parameters, random.Next(5, 40));
        var model = LightGbmModel.Parse(new StringReader(text));
        var (test, _) = Data(random, 500, features, categorical, label);

        AssertSame(model, text, Enumerable.Range(0, 500).Select(r => test.AsSpan(r * features, features).ToArray()).ToArray());
    }

    private static double Sum(double[] x) => x.Where(v => !double.IsNaN(v)).Sum(v => Math.Sin(v));

    // Rows with 5 % missing values, integer categories (some unseen or negative in tests), zeros and exact bin edges.
    private static (double[] Rows, float[] Labels) Data(Random random, int n, int features, int[] categorical, Func<double[], Random, float> label)
    {
        var rows = new double[n * features];
        var labels = new float[n];
        for (var r = 0; r < n; r++)
        {
            var x = new double[features];
            for (var f = 0; f < features; f++)
            {
                var u = random.NextDouble();
                x[f] = u < 0.05 ? double.NaN
                    : u < 0.08 ? 0.0
                    : categorical.Contains(f) ? random.Next(-1, 12)
                    : Math.Round((random.NextDouble() * 8) - 4, random.Next(1, 6));
            }

            x.CopyTo(rows, r * features);
            labels[r] = label(x, random);
        }

        return (rows, labels);
    }

    private static void AssertSame(LightGbmModel model, string text, double[][] rows)
    {
        var f = model.FeatureCount;
        var flat = rows.SelectMany(r => r.Take(f)).ToArray();
        var k = model.OutputCount;
        var raw = NativeLightGbm.Predict(text, flat, f, NativeLightGbm.PredictRaw, k);
        var normal = NativeLightGbm.Predict(text, flat, f, NativeLightGbm.PredictNormal, k);
        var leaves = NativeLightGbm.Predict(text, flat, f, NativeLightGbm.PredictLeaf, model.TreeCount);
        var output = new double[k];
        var leaf = new int[model.TreeCount];
        for (var r = 0; r < rows.Length; r++)
        {
            model.PredictRaw(rows[r], output);
            for (var c = 0; c < k; c++)
            {
                Assert.True(raw[(r * k) + c].Equals(output[c]), $"row {r} raw {c}: native {raw[(r * k) + c]:R}, managed {output[c]:R}");
            }

            model.Predict(rows[r], output);
            for (var c = 0; c < k; c++)
            {
                Assert.True(normal[(r * k) + c].Equals(output[c]), $"row {r} prediction {c}: native {normal[(r * k) + c]:R}, managed {output[c]:R}");
            }

            model.PredictLeaves(rows[r], leaf);
            for (var t = 0; t < leaf.Length; t++)
            {
                Assert.True(leaves[(r * model.TreeCount) + t] == leaf[t], $"row {r} tree {t}: native leaf {leaves[(r * model.TreeCount) + t]}, managed {leaf[t]}");
            }
        }
    }
}

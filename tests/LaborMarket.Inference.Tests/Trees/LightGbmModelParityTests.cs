using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>Predictions match LightGBM's own output for every fixture model, on every test row.</summary>
public class LightGbmModelParityTests
{
    public static TheoryData<string> Fixtures() => new(LightGbmFixture.All);

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void PredictRaw_EveryFixtureRow_EqualsLightGbmExactly(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var expected = f.Output("pred_raw.txt");

        Assert.Equal(rows.Length, expected.Length);
        var x = new double[model.FeatureCount];
        var raw = new double[model.OutputCount];
        for (var r = 0; r < rows.Length; r++)
        {
            Fill(rows[r], map, x);
            model.PredictRaw(x, raw);
            for (var k = 0; k < model.OutputCount; k++)
            {
                Assert.True(expected[r][k].Equals(raw[k]), $"{name} row {r + 1} output {k}: LightGBM {expected[r][k]:R}, ours {raw[k]:R}");
            }
        }
    }

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void PredictBatch_EveryFixtureRow_EqualsLightGbmRawAndRowByRowPredictions(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var expected = f.Output("pred_raw.txt");
        var batch = new double[rows.Length * model.FeatureCount];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var i = 0; i < map.Length; i++)
            {
                batch[(r * model.FeatureCount) + i] = rows[r][map[i]];
            }
        }

        var raw = new double[rows.Length * model.OutputCount];
        var predictions = new double[rows.Length * model.OutputCount];
        model.PredictBatch(batch, raw, raw: true);
        model.PredictBatch(batch, predictions);

        var one = new double[model.OutputCount];
        for (var r = 0; r < rows.Length; r++)
        {
            model.Predict(batch.AsSpan(r * model.FeatureCount, model.FeatureCount), one);
            for (var k = 0; k < model.OutputCount; k++)
            {
                Assert.True(expected[r][k].Equals(raw[(r * model.OutputCount) + k]), $"{name} row {r + 1} output {k}: LightGBM {expected[r][k]:R}, batch {raw[(r * model.OutputCount) + k]:R}");
                Assert.Equal(one[k], predictions[(r * model.OutputCount) + k]);
            }
        }
    }

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void Predict_EveryFixtureRow_MatchesLightGbm(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var expected = f.Output("pred.txt");

        var x = new double[model.FeatureCount];
        var y = new double[model.OutputCount];
        for (var r = 0; r < rows.Length; r++)
        {
            Fill(rows[r], map, x);
            model.Predict(x, y);
            for (var k = 0; k < model.OutputCount; k++)
            {
                // Exact for identity transforms; exp may differ from glibc's by an ulp.
                var tolerance = model.Transform == OutputTransform.Identity && !model.AverageOutput ? 0 : 1e-13 * Math.Max(1, Math.Abs(expected[r][k]));
                Assert.True(Math.Abs(expected[r][k] - y[k]) <= tolerance, $"{name} row {r + 1} output {k}: LightGBM {expected[r][k]:R}, ours {y[k]:R}");
            }
        }
    }

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void PredictLeaves_EveryFixtureRow_EqualsLightGbm(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var expected = f.Output("pred_leaf.txt");

        var x = new double[model.FeatureCount];
        var leaves = new int[model.TreeCount];
        for (var r = 0; r < rows.Length; r++)
        {
            Fill(rows[r], map, x);
            model.PredictLeaves(x, leaves);
            Assert.Equal(expected[r].Select(v => (int)v), leaves);
        }
    }

    [DataTheory("fixtures/lightgbm")]
    [InlineData("regression_l2")]
    [InlineData("regression_categorical")]
    [InlineData("binary")]
    public void PredictContributions_EveryFixtureRow_MatchesLightGbm(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var expected = f.Output("pred_contrib.txt");

        var x = new double[model.FeatureCount];
        var phi = new double[model.FeatureCount + 1];
        var raw = new double[1];
        for (var r = 0; r < rows.Length; r++)
        {
            Fill(rows[r], map, x);
            model.PredictContributions(x, phi);
            model.PredictRaw(x, raw);
            for (var j = 0; j < phi.Length; j++)
            {
                var e = expected[r][j];
                Assert.True(Math.Abs(e - phi[j]) <= Math.Max(1e-9 * Math.Abs(e), 1e-12),
                    $"{name} row {r + 1} column {j}: LightGBM {e:R}, ours {phi[j]:R}");
            }

            Assert.Equal(raw[0], phi.Sum(), 1e-9 * Math.Abs(raw[0]));
        }
    }

    [DataFact("fixtures/lightgbm")]
    public void Load_Multiclass_ReadsClassesAndObjective()
    {
        var model = LightGbmModel.Load(new LightGbmFixture("multiclass").ModelPath);

        Assert.Equal(5, model.NumClass);
        Assert.Equal(5, model.OutputCount);
        Assert.Equal(500, model.TreeCount);
        Assert.Equal(100, model.Iterations);
        Assert.Equal(OutputTransform.Softmax, model.Transform);
    }

    private static void Fill(double[] row, int[] map, double[] x)
    {
        for (var i = 0; i < map.Length; i++)
        {
            x[i] = row[map[i]];
        }
    }
}

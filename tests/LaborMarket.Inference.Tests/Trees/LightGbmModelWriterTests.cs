using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>A loaded model written back (as the ML.NET adapter stores it) reads back to the same model.</summary>
public class LightGbmModelWriterTests
{
    public static TheoryData<string> Fixtures() => new(LightGbmFixture.All);

    [DataTheory("fixtures/lightgbm")]
    [MemberData(nameof(Fixtures))]
    public void Write_EveryFixture_ReadsBackToTheSamePredictions(string name)
    {
        var f = new LightGbmFixture(name);
        var model = LightGbmModel.Load(f.ModelPath);
        var again = LightGbmModel.Parse(new StringReader(model.ToModelText()), name);

        Assert.Equal(model.FeatureNames, again.FeatureNames);
        Assert.Equal((model.NumClass, model.OutputCount, model.TreeCount, model.Objective, model.Transform, model.AverageOutput, model.MaxDepth),
            (again.NumClass, again.OutputCount, again.TreeCount, again.Objective, again.Transform, again.AverageOutput, again.MaxDepth));
        Assert.Equal(model.QuantileAlpha, again.QuantileAlpha);
        Assert.Equal(name.StartsWith("quantile", StringComparison.Ordinal), model.QuantileAlpha is not null);
        Assert.Equal(model.ToModelText(), again.ToModelText());

        var (header, rows) = f.Test();
        var map = model.MapColumns(header);
        var x = new double[model.FeatureCount];
        var (a, b) = (new double[model.OutputCount], new double[model.OutputCount]);
        var (la, lb) = (new int[model.TreeCount], new int[model.TreeCount]);
        foreach (var row in rows)
        {
            for (var i = 0; i < map.Length; i++)
            {
                x[i] = row[map[i]];
            }

            model.Predict(x, a);
            again.Predict(x, b);
            Assert.Equal(a, b);
            model.PredictLeaves(x, la);
            again.PredictLeaves(x, lb);
            Assert.Equal(la, lb);
        }
    }
}

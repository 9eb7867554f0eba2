using LaborMarket.Inference.ML.Scoring;
using LaborMarket.Inference.Trees;
using Microsoft.ML;

namespace LaborMarket.Inference.ML.Tests.Scoring;

public sealed class LightGbmScoringEstimatorTests
{
    public static TheoryData<string> Fixtures => [.. Fixture.All];

    [DataTheory("fixtures")]
    [MemberData(nameof(Fixtures))]
    public void Transform_EveryFixtureRow_EqualsManagedEngineExactly(string name)
    {
        var fixture = new Fixture(name);
        var model = fixture.Model();
        var rows = fixture.Rows(model);
        var ml = new MLContext(seed: 1);
        var data = DataViews.DoubleFeatures(ml, rows, model.FeatureCount);
        // SHAP costs a tree walk per leaf: checked on the two fixtures LightGBM wrote contributions for (and not defined for linear trees).
        var contributions = name is "regression_categorical" or "binary";
        var options = new LightGbmScoringOptions
        {
            RawScoreColumnName = "Raw",
            LeafColumnName = "Leaves",
            ContributionColumnName = contributions ? "Contributions" : null,
        };

        var scored = ml.Transforms.ApplyLightGbmModel(model, options).Fit(data).Transform(data);

        AssertSame(model, rows, scored, raw: true, leaves: true, contributions);
    }

    [DataTheory("fixtures")]
    [InlineData("regression_categorical")]
    [InlineData("multiclass")]
    [InlineData("linear_tree")]
    public void SaveLoad_Pipeline_ScoresTheSameAfterReload(string name)
    {
        var fixture = new Fixture(name);
        var model = fixture.Model();
        var rows = fixture.Rows(model);
        var ml = new MLContext(seed: 1);
        var data = DataViews.DoubleFeatures(ml, rows, model.FeatureCount);
        var transformer = ml.Transforms.ApplyLightGbmModel(model, new LightGbmScoringOptions { RawScoreColumnName = "Raw", LeafColumnName = "Leaves" }).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(transformer, data.Schema, stream);
        stream.Position = 0;

        var fresh = new MLContext(seed: 2).RegisterLaborMarketInference();
        var loaded = fresh.Model.Load(stream, out _);
        var scored = loaded.Transform(DataViews.DoubleFeatures(fresh, rows, model.FeatureCount));

        AssertSame(model, rows, scored, raw: true, leaves: true, contributions: false);
    }

    [DataFact("fixtures")]
    public void Transform_AppendedToFeaturizers_ScoresTheAssembledFloatFeatures()
    {
        // ML.NET featurizers produce float vectors: normalize-free pipeline Concatenate -> score, columns by the model's names.
        var fixture = new Fixture("regression_categorical");
        var model = fixture.Model();
        var rows = fixture.Rows(model);
        var singles = rows.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        var ml = new MLContext(seed: 1);
        var data = DataViews.SingleFeatures(ml, singles, model.FeatureCount);

        // Split the vector into named columns, then let a pipeline assemble them again.
        var pipeline = ml.Transforms.CopyColumns("Input", "Features")
            .Append(ml.Transforms.Concatenate("Assembled", "Input"))
            .Append(ml.Transforms.ApplyLightGbmModel(model, outputColumnName: "Salary", featureColumnName: "Assembled"));
        var scored = pipeline.Fit(data).Transform(data);

        var salary = DataViews.Doubles(scored, "Salary");
        for (var r = 0; r < rows.Length; r++)
        {
            var x = singles[r].Select(v => (double)v).ToArray();
            Assert.Equal(model.Predict(x), salary[r]);
        }
    }

    [DataFact("fixtures")]
    public void PredictionEngine_SingleRows_EqualManagedEngine()
    {
        var fixture = new Fixture("binary");
        var model = fixture.Model();
        var rows = fixture.Rows(model);
        var ml = new MLContext(seed: 1);
        var data = DataViews.DoubleFeatures(ml, rows, model.FeatureCount);
        var transformer = ml.Transforms.ApplyLightGbmModel(model).Fit(data);
        var engine = ml.Model.CreatePredictionEngine<DataViews.DoubleRow, ScoreRow>(transformer, inputSchemaDefinition: null);

        foreach (var row in rows.Take(200))
        {
            Assert.Equal(model.Predict(row), engine.Predict(new DataViews.DoubleRow { Features = row }).Score);
        }
    }

    [DataFact("fixtures")]
    public void Fit_MissingFeatureColumn_NamesIt()
    {
        var model = new Fixture("binary").Model();
        var ml = new MLContext(seed: 1);
        var data = DataViews.DoubleFeatures(ml, [new double[model.FeatureCount]], model.FeatureCount);

        var error = Assert.Throws<ArgumentException>(() => ml.Transforms.ApplyLightGbmModel(model, featureColumnName: "Nope").Fit(data));
        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }

    private static void AssertSame(LightGbmModel model, double[][] rows, IDataView scored, bool raw, bool leaves, bool contributions)
    {
        var k = model.OutputCount;
        var expected = new double[k];
        var single = k == 1;
        var score = single ? DataViews.Doubles(scored, "Score").Select(v => new[] { v }).ToArray() : DataViews.DoubleVectors(scored, "Score");
        var rawScores = !raw ? null : single ? DataViews.Doubles(scored, "Raw").Select(v => new[] { v }).ToArray() : DataViews.DoubleVectors(scored, "Raw");
        var leafIndexes = leaves ? DataViews.DoubleVectors(scored, "Leaves") : null;
        var phi = contributions ? DataViews.DoubleVectors(scored, "Contributions") : null;
        Assert.Equal(rows.Length, score.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            model.Predict(rows[r], expected);
            Assert.Equal(expected, score[r]);
            if (rawScores is not null)
            {
                model.PredictRaw(rows[r], expected);
                Assert.Equal(expected, rawScores[r]);
            }

            if (leafIndexes is not null)
            {
                var l = new int[model.TreeCount];
                model.PredictLeaves(rows[r], l);
                Assert.Equal(l.Select(v => (double)v), leafIndexes[r]);
            }

            if (phi is not null)
            {
                var c = new double[(model.FeatureCount + 1) * k];
                model.PredictContributions(rows[r], c);
                Assert.Equal(c, phi[r]);
            }
        }
    }

    public sealed class ScoreRow
    {
        public double Score { get; set; }
    }
}

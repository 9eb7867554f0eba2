using LaborMarket.Inference.ML.Conversion;
using LaborMarket.Inference.ML.Training;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace LaborMarket.Inference.ML.Tests.Conversion;

public sealed class MLNetModelConverterTests
{
    [DataFact("fixtures")]
    public async Task ToLightGbmModel_Regression_MatchesMLNetOnEveryRowIncludingMissing()
    {
        var (train, test) = await Sets("regression_l2", "salary");
        var ml = new MLContext(seed: 1);
        var transformer = ml.Regression.Trainers.LightGbm(numberOfLeaves: 31, numberOfIterations: 40, learningRate: 0.1).Fit(TrainingSetDataView.ToDataView(ml, train));
        var expected = transformer.Transform(TrainingSetDataView.ToDataView(ml, test)).GetColumn<float>("Score").ToArray();

        var model = MLNetModelConverter.ToLightGbmModel(ml, transformer.Model, train.FeatureNames);

        AssertMatches(test, expected.Select(v => new[] { v }).ToArray(), model);
    }

    [DataFact("fixtures")]
    public async Task ToLightGbmModel_Binary_MatchesMLNetProbabilityOnEveryRow()
    {
        var (train, test) = await Sets("binary", "archetype_exists");
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Conversion.ConvertType("Label", "Label", DataKind.Boolean).Fit(TrainingSetDataView.ToDataView(ml, train));
        var transformer = ml.BinaryClassification.Trainers.LightGbm(numberOfLeaves: 31, numberOfIterations: 40).Fit(data.Transform(TrainingSetDataView.ToDataView(ml, train)));
        var scored = transformer.Transform(data.Transform(TrainingSetDataView.ToDataView(ml, test)));
        var expected = scored.GetColumn<float>("Probability").ToArray();

        var model = MLNetModelConverter.ToLightGbmModel(ml, transformer.Model, train.FeatureNames);

        Assert.Equal(OutputTransform.Sigmoid, model.Transform);
        AssertMatches(test, expected.Select(v => new[] { v }).ToArray(), model);
    }

    [DataTheory("fixtures")]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ToLightGbmModel_Multiclass_MatchesMLNetClassProbabilitiesOnEveryRow(bool softmax)
    {
        var (train, test) = await Sets("multiclass", "level");
        var ml = new MLContext(seed: 1);
        var keys = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Fit(TrainingSetDataView.ToDataView(ml, train));
        var trainer = ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options { NumberOfLeaves = 15, NumberOfIterations = 20, UseSoftmax = softmax });
        var transformer = trainer.Fit(keys.Transform(TrainingSetDataView.ToDataView(ml, train)));
        var scored = transformer.Transform(keys.Transform(TrainingSetDataView.ToDataView(ml, test)));
        var expected = scored.GetColumn<VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray();

        var model = MLNetModelConverter.ToLightGbmModel(ml, transformer.Model, train.FeatureNames);

        Assert.Equal(5, model.OutputCount);
        Assert.Equal(softmax ? OutputTransform.Softmax : OutputTransform.SigmoidPerClass, model.Transform);
        AssertMatches(test, expected, model, normalize: !softmax);
    }

    [DataFact("fixtures")]
    public async Task ToModelText_WithoutProbedMissingSides_WouldDifferOnMissingRows()
    {
        // The probe matters: sending every NaN right (ML.NET's comparison without its hidden default values) changes predictions.
        var (train, test) = await Sets("regression_l2", "salary");
        var ml = new MLContext(seed: 1);
        var transformer = ml.Regression.Trainers.LightGbm(numberOfLeaves: 31, numberOfIterations: 40, learningRate: 0.1).Fit(TrainingSetDataView.ToDataView(ml, train));
        var text = MLNetModelConverter.ToModelText(ml, transformer.Model, train.FeatureNames);
        var allRight = LightGbmModel.Parse(new StringReader(string.Join('\n', text.Split('\n')
            .Select(l => l.StartsWith("decision_type=", StringComparison.Ordinal) ? l.Replace("10", "8", StringComparison.Ordinal) : l))));
        var converted = LightGbmModel.Parse(new StringReader(text));

        Assert.Contains("decision_type=", text, StringComparison.Ordinal);
        var differing = Enumerable.Range(0, test.RowCount).Count(r => converted.Predict(Floats(test, r)) != allRight.Predict(Floats(test, r)));
        Assert.True(differing > 0, "no test row depends on where a missing value goes");
    }

    [DataFact("fixtures")]
    public async Task ToModelText_ConvertedModel_RoundTripsThroughTheRegistry()
    {
        var (train, _) = await Sets("regression_l2", "salary");
        var ml = new MLContext(seed: 1);
        var result = MLNetLightGbmTrainer.Train(ml, train, new GbdtParameters { NumIterations = 10, Seed = 3 });
        var root = Path.Combine(Path.GetTempPath(), "lm-ml-registry-" + Guid.NewGuid().ToString("N"));
        try
        {
            var registry = new ModelRegistry(root);
            var version = registry.Save("salary-mlnet", result.ModelText, new Dictionary<string, double>());
            var loaded = registry.Load("salary-mlnet", version).Model;
            for (var r = 0; r < 100; r++)
            {
                Assert.Equal(result.Model.Predict(Floats(train, r)), loaded.Predict(Floats(train, r)));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    internal static double[] Floats(TrainingSet set, int row) => (Rows.TryGetValue(set, out var rows) ? rows : throw new ArgumentException("not a test set", nameof(set)))[row].Select(v => (double)(float)v).ToArray();

    // Each set's rows (TrainingSet keeps its values to itself).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TrainingSet, double[][]> Rows = [];

    // The fixture's train and test rows with 5 % of feature values made missing (seeded), so every split meets NaN.
    internal static async Task<(TrainingSet Train, TrainingSet Test)> Sets(string fixture, string label)
    {
        var folder = TestData.FixturePath("lightgbm/" + fixture);
        var train = await ReadAsync(Path.Combine(folder, "train.csv"), label, null);
        var test = await ReadAsync(Path.Combine(folder, "test.csv"), label, train.Names);
        return (WithMissing(train, 11, 2500), WithMissing(test, 12, int.MaxValue));
    }

    private static async Task<(string[] Names, double[][] Rows, double[] Labels)> ReadAsync(string path, string label, string[]? names)
    {
        // The rows through TrainingSet's own CSV reader, then out again through the ML.NET bridge.
        var set = await TrainingSet.ReadCsvAsync(path, label, names);
        var ml = new MLContext(seed: 1);
        var back = TrainingSetDataView.ToDataView(ml, set).GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().Select(x => (double)x).ToArray()).ToArray();
        return ([.. set.FeatureNames], back, [.. set.Labels]);
    }

    private static TrainingSet WithMissing((string[] Names, double[][] Rows, double[] Labels) set, int seed, int rows)
    {
        var random = new Random(seed);
        var values = new List<double[]>();
        for (var r = 0; r < Math.Min(rows, set.Rows.Length); r++)
        {
            var row = set.Rows[r].ToArray();
            for (var f = 0; f < row.Length; f++)
            {
                if (random.NextDouble() < 0.05)
                {
                    row[f] = double.NaN;
                }
            }

            values.Add(row);
        }

        var result = TrainingSet.FromRows(set.Names, values, set.Labels.Take(values.Count).ToArray());
        Rows.Add(result, [.. values]);
        return result;
    }

    private static void AssertMatches(TrainingSet test, float[][] expected, LightGbmModel model, bool normalize = false)
    {
        var output = new double[model.OutputCount];
        var missingRows = 0;
        for (var r = 0; r < test.RowCount; r++)
        {
            var x = Floats(test, r);
            missingRows += x.Any(double.IsNaN) ? 1 : 0;
            model.Predict(x, output);
            if (normalize)
            {
                var sum = output.Sum();
                for (var k = 0; k < output.Length; k++)
                {
                    output[k] /= sum; // ML.NET's one-versus-all probabilities are divided by their sum
                }
            }
            for (var k = 0; k < output.Length; k++)
            {
                var tolerance = 2e-7 * Math.Max(1, Math.Abs(expected[r][k]));
                Assert.True(Math.Abs(output[k] - expected[r][k]) <= tolerance,
                    $"row {r} output {k}: managed {output[k]:R}, ML.NET {expected[r][k]:R}");
            }
        }

        Assert.True(missingRows > 100, $"only {missingRows} test rows have a missing value");
    }
}

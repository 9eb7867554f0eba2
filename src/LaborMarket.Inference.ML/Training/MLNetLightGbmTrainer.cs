using LaborMarket.Inference.ML.Conversion;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;

namespace LaborMarket.Inference.ML.Training;

/// <summary>
/// ML.NET's LightGbm trainer (native LightGBM through ML.NET) as a second trainer beside <see cref="GbdtTrainer"/>:
/// the same <see cref="TrainingSet"/> and <see cref="GbdtParameters"/> in, the same <see cref="TrainingResult"/> out
/// (LightGBM text converted by <see cref="MLNetModelConverter"/>, predicting as ML.NET's model does).
/// </summary>
public static class MLNetLightGbmTrainer
{
    /// <summary>Trains with ML.NET's LightGbm.</summary>
    /// <param name="mlContext">The context (its seed does not matter: <see cref="GbdtParameters.Seed"/> is passed on).</param>
    /// <param name="train">The training rows (features are rounded to float, as ML.NET's trainers read them).</param>
    /// <param name="parameters">
    /// The parameters: objective regression, binary or multiclass; iterations, learning rate, leaves, depth, minimum data
    /// and hessian in a leaf, L1/L2, minimum gain, bins, feature and bagging fractions, seed and threads.
    /// </param>
    /// <exception cref="NotSupportedException">An objective or option ML.NET's LightGbm does not offer (categorical features, early stopping, quantile, Poisson).</exception>
    public static TrainingResult Train(MLContext mlContext, TrainingSet train, GbdtParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        if (p.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        if (p.CategoricalFeatures.Count > 0 || p.EarlyStoppingRounds > 0)
        {
            throw new NotSupportedException("categorical features and early stopping are trained by GbdtTrainer; the ML.NET bridge trains numeric features for a fixed number of iterations");
        }

        return Train(mlContext, train, p, null);
    }

    /// <summary>Trains with ML.NET's LightGbm, stopping early on <paramref name="validation"/> when the parameters ask for it.</summary>
    internal static TrainingResult Train(MLContext mlContext, TrainingSet train, GbdtParameters p, TrainingSet? validation)
    {
        var data = TrainingSetDataView.ToDataView(mlContext, train);
        var valid = validation is not null && validation.RowCount > 0 && p.EarlyStoppingRounds > 0 ? TrainingSetDataView.ToDataView(mlContext, validation) : null;
        var stopping = valid is null ? 0 : p.EarlyStoppingRounds;
        var booster = new GradientBooster.Options
        {
            L1Regularization = p.LambdaL1,
            L2Regularization = p.LambdaL2,
            MinimumSplitGain = p.MinGainToSplit,
            MaximumTreeDepth = Math.Max(0, p.MaxDepth),
            MinimumChildWeight = p.MinSumHessianInLeaf,
            FeatureFraction = p.FeatureFraction,
            SubsampleFraction = p.BaggingFraction,
            SubsampleFrequency = p.BaggingFreq,
        };
        var threads = p.NumThreads > 0 ? p.NumThreads : (int?)null;
        string text;
        switch (p.Objective)
        {
            case TrainingObjective.Regression:
            {
                var trainer = mlContext.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                {
                    NumberOfIterations = p.NumIterations, LearningRate = p.LearningRate, NumberOfLeaves = p.NumLeaves,
                    MinimumExampleCountPerLeaf = p.MinDataInLeaf, MaximumBinCountPerFeature = p.MaxBin, Seed = p.Seed,
                    NumberOfThreads = threads, Booster = booster, Silent = true, EarlyStoppingRound = stopping,
                });
                var fitted = valid is null ? trainer.Fit(data) : trainer.Fit(data, valid);
                text = MLNetModelConverter.ToModelText(mlContext, fitted.Model, train.FeatureNames);
                break;
            }

            case TrainingObjective.Binary:
            {
                var binary = mlContext.Transforms.CustomMapping<LabelRow, BooleanLabelRow>((i, o) => o.BinaryLabel = i.Label > 0, contractName: null);
                var trainer = mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = nameof(BooleanLabelRow.BinaryLabel),
                    NumberOfIterations = p.NumIterations, LearningRate = p.LearningRate, NumberOfLeaves = p.NumLeaves,
                    MinimumExampleCountPerLeaf = p.MinDataInLeaf, MaximumBinCountPerFeature = p.MaxBin, Seed = p.Seed,
                    NumberOfThreads = threads, Booster = booster, Silent = true, Sigmoid = 1, EarlyStoppingRound = stopping,
                });
                var labeller = binary.Fit(data);
                var withLabel = labeller.Transform(data);
                var fitted = valid is null ? trainer.Fit(withLabel) : trainer.Fit(withLabel, labeller.Transform(valid));
                text = MLNetModelConverter.ToModelText(mlContext, fitted.Model, train.FeatureNames);
                break;
            }

            case TrainingObjective.Multiclass:
            {
                var keyer = mlContext.Transforms.Conversion.MapValueToKey("ClassKey", "Label", keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
                    .Fit(data);
                var keyed = keyer.Transform(data);
                var trainer = mlContext.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
                {
                    LabelColumnName = "ClassKey",
                    NumberOfIterations = p.NumIterations, LearningRate = p.LearningRate, NumberOfLeaves = p.NumLeaves,
                    MinimumExampleCountPerLeaf = p.MinDataInLeaf, MaximumBinCountPerFeature = p.MaxBin, Seed = p.Seed,
                    NumberOfThreads = threads, Booster = booster, Silent = true, UseSoftmax = true, EarlyStoppingRound = stopping,
                });
                var fitted = valid is null ? trainer.Fit(keyed) : trainer.Fit(keyed, keyer.Transform(valid));
                text = MLNetModelConverter.ToModelText(mlContext, fitted.Model, train.FeatureNames);
                break;
            }

            default:
                throw new NotSupportedException($"objective {p.Objective}: the ML.NET bridge trains regression, binary and multiclass models");
        }

        var model = LightGbmModel.Parse(new StringReader(text), "ML.NET LightGbm model");
        return new TrainingResult(model, text, model.Iterations, null, []);
    }

    private sealed class LabelRow
    {
        public float Label { get; set; }
    }

    private sealed class BooleanLabelRow
    {
        public bool BinaryLabel { get; set; }
    }
}

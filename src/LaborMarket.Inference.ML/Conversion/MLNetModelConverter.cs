using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text;
using LaborMarket.Inference.Trees;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace LaborMarket.Inference.ML.Conversion;

/// <summary>
/// Turns a LightGbm model trained by ML.NET (regression, binary, multiclass) into LightGBM's text format, and so into a
/// <see cref="LightGbmModel"/> or the model registry. Predictions match ML.NET's on every row to float precision,
/// missing values included.
/// </summary>
/// <remarks>
/// What is kept: the trees' structure, ML.NET's single-precision thresholds (written exactly, so a float input takes
/// the same side as in ML.NET), the leaf values, and the side a NaN takes at each split (found by probing ML.NET's own
/// tree featurizer, as ML.NET does not expose it). Written as LightGBM's "NaN goes to the default side" splits: a NaN
/// input goes where ML.NET sends it, every other input as in ML.NET. Not kept: split gains and leaf counts (ML.NET does
/// not expose counts, so SHAP contributions of a converted model are not meaningful), categorical splits (refused).
/// Multiclass: ML.NET 6 exposes no public accessor for the per-class trees of a multiclass model; they are read from
/// its one-versus-all predictor by reflection, checked against the class count.
/// </remarks>
public static class MLNetModelConverter
{
    /// <summary>The LightGBM text of an ML.NET LightGbm regression model.</summary>
    /// <param name="mlContext">The context (its tree featurizer finds where missing values go).</param>
    /// <param name="model">The trained model (<c>transformer.Model</c>).</param>
    /// <param name="featureNames">The names of the feature vector's slots, in order (their count is the vector's size).</param>
    /// <exception cref="NotSupportedException">The model has categorical splits.</exception>
    public static string ToModelText(MLContext mlContext, LightGbmRegressionModelParameters model, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        return Write("regression", 1, [Trees(mlContext, model, featureNames.Count)], featureNames);
    }

    /// <summary>The LightGBM text of an ML.NET LightGbm binary classifier (its Platt calibration becomes the sigmoid).</summary>
    /// <param name="mlContext">The context (its tree featurizer finds where missing values go).</param>
    /// <param name="model">The trained model (<c>transformer.Model</c>).</param>
    /// <param name="featureNames">The names of the feature vector's slots, in order.</param>
    /// <exception cref="NotSupportedException">The model has categorical splits or a calibration with an offset.</exception>
    public static string ToModelText(MLContext mlContext, CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> model, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (model.Calibrator.Offset != 0)
        {
            throw new NotSupportedException($"a Platt calibration with offset {model.Calibrator.Offset} has no LightGBM objective");
        }

        var sigmoid = (-model.Calibrator.Slope).ToString("R", CultureInfo.InvariantCulture);
        return Write("binary sigmoid:" + sigmoid, 1, [Trees(mlContext, model.SubModel, featureNames.Count)], featureNames);
    }

    /// <summary>
    /// The LightGBM text of an ML.NET LightGbm multiclass model: objective <c>multiclass</c> (softmax) when ML.NET
    /// trained with softmax, else <c>multiclassova</c> with ML.NET's sigmoid. ML.NET divides one-versus-all
    /// probabilities by their sum; LightGBM (and <see cref="LightGbmModel"/>) gives them undivided: divide by their
    /// sum to get ML.NET's scores. ML.NET drops single-leaf trees from each class; they are written as zero trees so
    /// the classes stay interleaved.
    /// </summary>
    /// <param name="mlContext">The context (its tree featurizer finds where missing values go).</param>
    /// <param name="model">The trained model (<c>transformer.Model</c>).</param>
    /// <param name="featureNames">The names of the feature vector's slots, in order.</param>
    /// <exception cref="NotSupportedException">The model has categorical splits, or an ML.NET version whose predictor layout is unknown.</exception>
    public static string ToModelText(MLContext mlContext, OneVersusAllModelParameters model, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(featureNames);
        var (classes, softmax, sigmoid) = ClassModels(model);
        var perClass = classes.Select(c => Trees(mlContext, c, featureNames.Count)).ToArray();
        var iterations = perClass.Max(c => c.Length);
        perClass = perClass.Select(c => c.Concat(Enumerable.Repeat(ConvertedTree.Zero, iterations - c.Length)).ToArray()).ToArray();
        var objective = softmax
            ? string.Create(CultureInfo.InvariantCulture, $"multiclass num_class:{perClass.Length}")
            : string.Create(CultureInfo.InvariantCulture, $"multiclassova num_class:{perClass.Length} sigmoid:{sigmoid:R}");
        return Write(objective, perClass.Length, perClass, featureNames);
    }

    /// <summary>A converted regression model as a <see cref="LightGbmModel"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="featureNames">The feature vector's slot names.</param>
    public static LightGbmModel ToLightGbmModel(MLContext mlContext, LightGbmRegressionModelParameters model, IReadOnlyList<string> featureNames) =>
        LightGbmModel.Parse(new StringReader(ToModelText(mlContext, model, featureNames)), "ML.NET regression model");

    /// <summary>A converted binary classifier as a <see cref="LightGbmModel"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="featureNames">The feature vector's slot names.</param>
    public static LightGbmModel ToLightGbmModel(MLContext mlContext, CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> model, IReadOnlyList<string> featureNames) =>
        LightGbmModel.Parse(new StringReader(ToModelText(mlContext, model, featureNames)), "ML.NET binary model");

    /// <summary>A converted multiclass model as a <see cref="LightGbmModel"/>.</summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="model">The trained model.</param>
    /// <param name="featureNames">The feature vector's slot names.</param>
    public static LightGbmModel ToLightGbmModel(MLContext mlContext, OneVersusAllModelParameters model, IReadOnlyList<string> featureNames) =>
        LightGbmModel.Parse(new StringReader(ToModelText(mlContext, model, featureNames)), "ML.NET multiclass model");

    // The per-class models of a one-versus-all predictor, and whether it combines them by softmax: ML.NET keeps both in a
    // private implementation object (ImplSoftmax for softmax, else sigmoid probabilities normalized to sum 1).
    // The members read here are kept by the DynamicDependency attributes, so a trimmed host keeps them too.
    [DynamicDependency(DynamicallyAccessedMemberTypes.NonPublicFields, typeof(OneVersusAllModelParameters))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, "Microsoft.ML.Trainers.OneVersusAllModelParameters+ImplBase", "Microsoft.ML.StandardTrainers")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, "Microsoft.ML.Trainers.OneVersusAllModelParameters+ImplRaw", "Microsoft.ML.StandardTrainers")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, "Microsoft.ML.Trainers.OneVersusAllModelParameters+ImplDist", "Microsoft.ML.StandardTrainers")]
    [DynamicDependency(DynamicallyAccessedMemberTypes.All, "Microsoft.ML.Trainers.OneVersusAllModelParameters+ImplSoftmax", "Microsoft.ML.StandardTrainers")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The implementation types and members read by reflection are preserved by the DynamicDependency attributes above.")]
    private static (LightGbmBinaryModelParameters[] Classes, bool Softmax, double Sigmoid) ClassModels(OneVersusAllModelParameters model)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var impl = typeof(OneVersusAllModelParameters).GetField("_impl", Private)?.GetValue(model);
        var predictors = impl?.GetType().GetProperty("Predictors", Private)?.GetValue(impl) as Array
            ?? impl?.GetType().GetField("Predictors", Private)?.GetValue(impl) as Array
            ?? throw new NotSupportedException("this ML.NET version keeps a multiclass model's per-class predictors where this converter does not look (written for ML.NET 6.0)");
        var softmax = impl!.GetType().Name.Contains("Softmax", StringComparison.Ordinal);
        var classes = new LightGbmBinaryModelParameters[predictors.Length];
        var sigmoid = double.NaN;
        for (var k = 0; k < classes.Length; k++)
        {
            switch (predictors.GetValue(k))
            {
                case LightGbmBinaryModelParameters raw when softmax:
                    classes[k] = raw;
                    break;
                case CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> calibrated when calibrated.Calibrator.Offset == 0:
                    classes[k] = calibrated.SubModel;
                    sigmoid = -calibrated.Calibrator.Slope;
                    break;
                case var other:
                    throw new NotSupportedException($"class {k}'s predictor is a {other?.GetType().Name}, not a LightGbm model (with a Platt calibration of offset 0)");
            }
        }

        return (classes, softmax, sigmoid);
    }

    private static ConvertedTree[] Trees(MLContext ml, TreeEnsembleModelParametersBasedOnRegressionTree model, int featureCount)
    {
        var ensemble = model.TrainedTreeEnsemble;
        if (ensemble.Bias != 0 || ensemble.TreeWeights.Any(w => w != 1))
        {
            throw new NotSupportedException("the ensemble has a bias or tree weights other than 1, which LightGBM's format cannot hold");
        }

        var trees = ensemble.Trees.Cast<RegressionTreeBase>().ToArray();
        foreach (var tree in trees)
        {
            if (tree.CategoricalSplitFlags.Any(c => c))
            {
                throw new NotSupportedException("the model has categorical splits (ML.NET's one-hot slot sets), which this converter does not write");
            }

            if (tree.NumericalSplitFeatureIndexes.Any(f => f >= featureCount))
            {
                throw new ArgumentException($"the model splits on feature {tree.NumericalSplitFeatureIndexes.Max()}; {featureCount} feature names were given", nameof(featureCount));
            }
        }

        var nanLeft = MissingValueProbe.NaNGoesLeft(ml, model, trees, featureCount);
        return trees.Select((t, i) => new ConvertedTree(t, nanLeft[i])).ToArray();
    }

    private static string Write(string objective, int perIteration, ConvertedTree[][] classes, IReadOnlyList<string> featureNames)
    {
        var iterations = classes[0].Length;
        if (classes.Any(c => c.Length != iterations))
        {
            throw new NotSupportedException("the classes have different tree counts");
        }

        var blocks = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < classes.Length; k++)
            {
                blocks.Add(classes[k][i].Block(blocks.Count));
            }
        }

        var sb = new StringBuilder();
        sb.Append("tree\nversion=v4\n");
        sb.Append(CultureInfo.InvariantCulture, $"num_class={perIteration}\nnum_tree_per_iteration={perIteration}\nlabel_index=0\n");
        sb.Append(CultureInfo.InvariantCulture, $"max_feature_idx={featureNames.Count - 1}\nobjective={objective}\n");
        sb.Append("feature_names=").AppendJoin(' ', featureNames.Select(n => n.Replace(' ', '_'))).Append('\n');
        sb.Append("feature_infos=").AppendJoin(' ', featureNames.Select(_ => "none")).Append('\n');
        sb.Append("tree_sizes=").AppendJoin(' ', blocks.Select(b => Encoding.UTF8.GetByteCount(b).ToString(CultureInfo.InvariantCulture))).Append("\n\n");
        foreach (var block in blocks)
        {
            sb.Append(block);
        }

        sb.Append("end of trees\n\nparameters:\n[converted from: ML.NET LightGbm]\nend of parameters\n\npandas_categorical:null\n");
        return sb.ToString();
    }

    private sealed class ConvertedTree(RegressionTreeBase? tree, bool[] nanLeft)
    {
        /// <summary>A single leaf of value 0, standing for a tree ML.NET dropped.</summary>
        public static readonly ConvertedTree Zero = new(null, []);

        // LightGBM decision_type bits: 2 = default left, 8 = missing type NaN.
        private const int NaNRight = 8;
        private const int NaNLeft = 10;

        // Leaves under each internal node, children before parents (an internal node's children have larger indexes).
        private static int[] InternalCounts(int[] left, int[] right)
        {
            var counts = new int[left.Length];
            for (var n = left.Length - 1; n >= 0; n--)
            {
                counts[n] = (left[n] < 0 ? 1 : counts[left[n]]) + (right[n] < 0 ? 1 : counts[right[n]]);
            }

            return counts;
        }

        public string Block(int index)
        {
            var sb = new StringBuilder();
            if (tree is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"Tree={index}\nnum_leaves=1\nnum_cat=0\nsplit_feature=\nsplit_gain=\nthreshold=\ndecision_type=\n");
                sb.Append("left_child=\nright_child=\nleaf_value=0\nleaf_weight=0\nleaf_count=1\ninternal_value=\ninternal_weight=\ninternal_count=\nis_linear=0\nshrinkage=1\n\n\n");
                return sb.ToString();
            }

            var internalNodes = tree.NumberOfNodes;
            sb.Append(CultureInfo.InvariantCulture, $"Tree={index}\nnum_leaves={tree.NumberOfLeaves}\nnum_cat=0\n");
            Line(sb, "split_feature", tree.NumericalSplitFeatureIndexes.Take(internalNodes).Select(Int));
            Line(sb, "split_gain", tree.SplitGains.Take(internalNodes).Select(g => g.ToString("G6", CultureInfo.InvariantCulture)));
            // LightGBM writes an infinite threshold as "inf" (every number goes left, only NaN may go right).
            Line(sb, "threshold", tree.NumericalSplitThresholds.Take(internalNodes)
                .Select(t => float.IsPositiveInfinity(t) ? "inf" : float.IsNegativeInfinity(t) ? "-inf" : ((double)t).ToString("R", CultureInfo.InvariantCulture)));
            Line(sb, "decision_type", Enumerable.Range(0, internalNodes).Select(n => Int(nanLeft[n] ? NaNLeft : NaNRight)));
            Line(sb, "left_child", tree.LeftChild.Take(internalNodes).Select(Int));
            Line(sb, "right_child", tree.RightChild.Take(internalNodes).Select(Int));
            Line(sb, "leaf_value", tree.LeafValues.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

            // ML.NET does not expose how many rows reached each node: every leaf counts one, so a node counts its
            // leaves (the format requires the counts; contributions of a converted model weigh leaves equally).
            var leaves = tree.NumberOfLeaves;
            Line(sb, "leaf_weight", Enumerable.Repeat("1", leaves));
            Line(sb, "leaf_count", Enumerable.Repeat("1", leaves));
            var counts = InternalCounts(tree.LeftChild.Take(internalNodes).ToArray(), tree.RightChild.Take(internalNodes).ToArray());
            Line(sb, "internal_value", Enumerable.Repeat("0", internalNodes));
            Line(sb, "internal_weight", counts.Select(Int));
            Line(sb, "internal_count", counts.Select(Int));
            sb.Append("is_linear=0\nshrinkage=1\n\n\n");
            return sb.ToString();
        }

        private static void Line(StringBuilder sb, string key, IEnumerable<string> values) => sb.Append(key).Append('=').AppendJoin(' ', values).Append('\n');

        private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    }
}

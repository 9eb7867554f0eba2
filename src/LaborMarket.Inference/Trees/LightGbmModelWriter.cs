using System.Globalization;
using System.Text;

namespace LaborMarket.Inference.Trees;

/// <summary>
/// Writes a loaded <see cref="LightGbmModel"/> back in LightGBM's text format: every value prediction reads, at full
/// round-trip precision, so reading the text back gives the same model. Adapters that store a model (the ML.NET
/// transformer) call it when they save, instead of every load keeping a copy of the text it read.
/// Statistics that prediction does not read (split gains, weights, feature ranges, training parameters but a quantile
/// model's alpha) are not kept.
/// </summary>
internal static class LightGbmModelWriter
{
    public static string Write(LightGbmModel model)
    {
        var sb = new StringBuilder();
        sb.Append("tree\nversion=v4\n");
        sb.Append(CultureInfo.InvariantCulture, $"num_class={model.NumClass}\nnum_tree_per_iteration={model.OutputCount}\nlabel_index=0\n");
        sb.Append(CultureInfo.InvariantCulture, $"max_feature_idx={model.FeatureCount - 1}\nobjective={model.Objective}\n");
        if (model.AverageOutput)
        {
            sb.Append("average_output\n");
        }

        sb.Append("feature_names=").AppendJoin(' ', model.FeatureNames).Append("\n\n");
        for (var i = 0; i < model.Trees.Count; i++)
        {
            Tree(sb, model.Trees[i], i);
        }

        sb.Append("end of trees\n");
        if (model.QuantileAlpha is { } alpha)
        {
            // The one training parameter evaluation reads: a quantile model's quantile.
            sb.Append(CultureInfo.InvariantCulture, $"\nparameters:\n[alpha: {alpha:R}]\nend of parameters\n");
        }

        return sb.ToString();
    }

    private static void Tree(StringBuilder sb, DecisionTree t, int index)
    {
        var numCat = t.CatBoundaries.Length - 1;
        sb.Append(CultureInfo.InvariantCulture, $"Tree={index}\nnum_leaves={t.NumLeaves}\nnum_cat={numCat}\n");
        Line(sb, "split_feature", t.SplitFeature, Int);
        Line(sb, "threshold", t.Threshold, Threshold);
        Line(sb, "decision_type", t.DecisionType, d => Int(d));
        Line(sb, "left_child", t.LeftChild, Int);
        Line(sb, "right_child", t.RightChild, Int);
        Line(sb, "leaf_value", t.LeafValue, Num);
        Line(sb, "leaf_count", t.LeafCount, Num);
        Line(sb, "internal_count", t.InternalCount, Num);
        if (numCat > 0)
        {
            Line(sb, "cat_boundaries", t.CatBoundaries, Int);
            Line(sb, "cat_threshold", t.CatThreshold, u => u.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(CultureInfo.InvariantCulture, $"is_linear={(t.IsLinear ? 1 : 0)}\n");
        if (t.IsLinear)
        {
            Line(sb, "leaf_const", t.LeafConst, Num);
            Line(sb, "num_features", t.LeafFeatures, f => Int(f.Length));
            Line(sb, "leaf_features", t.LeafFeatures.SelectMany(f => f), Int);
            Line(sb, "leaf_coeff", t.LeafCoeff.SelectMany(c => c), Num);
        }

        sb.Append("shrinkage=1\n\n\n");
    }

    private static void Line<T>(StringBuilder sb, string key, IEnumerable<T> values, Func<T, string> format) =>
        sb.Append(key).Append('=').AppendJoin(' ', values.Select(format)).Append('\n');

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    // LightGBM writes an infinite threshold as "inf" (every number goes left, only NaN may go right).
    private static string Threshold(double v) =>
        double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : Num(v);
}

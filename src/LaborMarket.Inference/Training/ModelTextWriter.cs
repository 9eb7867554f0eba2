using System.Globalization;
using System.Text;

namespace LaborMarket.Inference.Training;

/// <summary>Writes trained trees in LightGBM's text model format (version v4), as LightGBM's own save_model lays it out.</summary>
internal static class ModelTextWriter
{
    public static string Write(IReadOnlyList<GrownTree> trees, IReadOnlyList<double> shrinkage, string[] featureNames, FeatureBins[] bins,
        GbdtParameters p, int treesPerIteration)
    {
        var sb = new StringBuilder();
        sb.Append("tree\nversion=v4\n");
        sb.Append(Inv($"num_class={(p.Objective == TrainingObjective.Multiclass ? p.NumClass : 1)}\n"));
        sb.Append(Inv($"num_tree_per_iteration={treesPerIteration}\n"));
        sb.Append("label_index=0\n");
        sb.Append(Inv($"max_feature_idx={featureNames.Length - 1}\n"));
        sb.Append("objective=").Append(p.ObjectiveText).Append('\n');
        sb.Append("feature_names=").AppendJoin(' ', featureNames).Append('\n');
        sb.Append("feature_infos=").AppendJoin(' ', bins.Select(b => b.Info())).Append('\n');

        var blocks = trees.Select((t, i) => Tree(t, i, shrinkage[i])).ToArray();
        sb.Append("tree_sizes=").AppendJoin(' ', blocks.Select(b => Encoding.UTF8.GetByteCount(b).ToString(CultureInfo.InvariantCulture))).Append("\n\n");
        foreach (var block in blocks)
        {
            sb.Append(block);
        }

        sb.Append("end of trees\n\nfeature_importances:\n");
        var importance = new int[featureNames.Length];
        foreach (var t in trees)
        {
            foreach (var f in t.SplitFeature)
            {
                importance[f]++;
            }
        }

        foreach (var (name, count) in featureNames.Zip(importance).Where(x => x.Second > 0).OrderByDescending(x => x.Second))
        {
            sb.Append(Inv($"{name}={count}\n"));
        }

        sb.Append("\nparameters:\n");
        sb.Append(Inv($"[boosting: gbdt]\n[objective: {p.ObjectiveText.Split(' ')[0]}]\n[num_iterations: {p.NumIterations}]\n"));
        sb.Append(Inv($"[learning_rate: {p.LearningRate:R}]\n[num_leaves: {p.NumLeaves}]\n[max_depth: {p.MaxDepth}]\n"));
        sb.Append(Inv($"[min_data_in_leaf: {p.MinDataInLeaf}]\n[min_sum_hessian_in_leaf: {p.MinSumHessianInLeaf:R}]\n"));
        sb.Append(Inv($"[bagging_fraction: {p.BaggingFraction:R}]\n[bagging_freq: {p.BaggingFreq}]\n[feature_fraction: {p.FeatureFraction:R}]\n"));
        sb.Append(Inv($"[lambda_l1: {p.LambdaL1:R}]\n[lambda_l2: {p.LambdaL2:R}]\n[max_bin: {p.MaxBin}]\n[alpha: {p.Alpha:R}]\n"));
        sb.Append(Inv($"[num_class: {(p.Objective == TrainingObjective.Multiclass ? p.NumClass : 1)}]\n[seed: {p.Seed}]\n"));
        sb.Append("\nend of parameters\n\npandas_categorical:null\n");
        return sb.ToString();
    }

    private static string Tree(GrownTree t, int index, double shrinkage)
    {
        var sb = new StringBuilder();
        sb.Append(Inv($"Tree={index}\nnum_leaves={t.NumLeaves}\nnum_cat={t.NumCat}\n"));
        Line(sb, "split_feature", t.SplitFeature.Select(Int));
        Line(sb, "split_gain", t.SplitGain.Select(Short));
        Line(sb, "threshold", t.Threshold.Select(Num));
        Line(sb, "decision_type", t.DecisionType.Select(d => Int(d)));
        Line(sb, "left_child", t.LeftChild.Select(Int));
        Line(sb, "right_child", t.RightChild.Select(Int));
        Line(sb, "leaf_value", t.LeafValue.Select(Num));
        Line(sb, "leaf_weight", t.LeafWeight.Select(Short));
        Line(sb, "leaf_count", t.LeafCount.Select(Int));
        Line(sb, "internal_value", t.InternalValue.Select(Short));
        Line(sb, "internal_weight", t.InternalWeight.Select(Short));
        Line(sb, "internal_count", t.InternalCount.Select(Int));
        if (t.NumCat > 0)
        {
            Line(sb, "cat_boundaries", t.CatBoundaries.Select(Int));
            Line(sb, "cat_threshold", t.CatThreshold.Select(u => u.ToString(CultureInfo.InvariantCulture)));
        }

        sb.Append("is_linear=0\n");
        sb.Append(Inv($"shrinkage={shrinkage:R}\n\n\n"));
        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string key, IEnumerable<string> values) => sb.Append(key).Append('=').AppendJoin(' ', values).Append('\n');

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

    // Full round-trip precision for what prediction reads; six significant digits for statistics, as LightGBM writes them.
    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Short(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

namespace LaborMarket.Inference.Training;

/// <summary>
/// LightGBM parameters the trainer knows but does not implement: each would change the model LightGBM trains, so
/// training around it silently would give a different model than the config asks for.
/// </summary>
internal static class TrainingParameterSupport
{
    // The metric each objective stops early on (GbdtTrainer's validation loss), with LightGBM's spellings of it.
    private static readonly Dictionary<TrainingObjective, string[]> Metrics = new()
    {
        [TrainingObjective.Regression] = ["l2", "mean_squared_error", "mse", "regression", "regression_l2"],
        [TrainingObjective.Quantile] = ["quantile"],
        [TrainingObjective.Binary] = ["binary_logloss", "binary"],
        [TrainingObjective.Poisson] = ["poisson"],
        [TrainingObjective.Multiclass] = ["multi_logloss", "multiclass", "softmax", "multiclassova", "multiclass_ova", "ova", "ovr"],
    };

    // LightGBM switches this trainer has not got: the value that leaves it off (LightGBM's default) is accepted, any other
    // is refused with what the trainer does instead. Switches that only act with a refused boosting or objective (dart's
    // drop_rate, goss's top_rate, tweedie_variance_power) change nothing and are accepted.
    private static readonly Dictionary<string, (string Off, string Instead)> NotImplemented = new(StringComparer.Ordinal)
    {
        ["data_sample_strategy"] = ("bagging", "rows are sampled by bagging only (no goss)"),
        ["extra_trees"] = ("false", "split thresholds are searched exhaustively (no extremely randomized trees)"),
        ["extra_tree"] = ("false", "split thresholds are searched exhaustively (no extremely randomized trees)"),
        ["linear_tree"] = ("false", "leaves hold constants (no linear trees)"),
        ["linear_trees"] = ("false", "leaves hold constants (no linear trees)"),
        ["monotone_constraints"] = ("", "no monotone constraints"),
        ["monotone_constraint"] = ("", "no monotone constraints"),
        ["interaction_constraints"] = ("", "no interaction constraints"),
        ["forcedsplits_filename"] = ("", "no forced splits"),
        ["is_unbalance"] = ("false", "rows are weighted equally"),
        ["unbalance"] = ("false", "rows are weighted equally"),
        ["scale_pos_weight"] = ("1", "rows are weighted equally"),
        ["pos_bagging_fraction"] = ("1", "bagging is not balanced by class"),
        ["neg_bagging_fraction"] = ("1", "bagging is not balanced by class"),
        ["feature_fraction_bynode"] = ("1", "features are sampled per tree only"),
        ["path_smooth"] = ("0", "leaf values are not smoothed"),
        ["max_delta_step"] = ("0", "leaf outputs are not capped"),
        ["cegb_tradeoff"] = ("1", "no cost-effective gradient boosting"),
        ["cegb_penalty_split"] = ("0", "no cost-effective gradient boosting"),
        ["use_quantized_grad"] = ("false", "gradients are not quantized"),
        ["weight_column"] = ("", "rows are weighted equally"),
        ["weight"] = ("", "rows are weighted equally"),
        ["init_score_file"] = ("", "training starts from the label average"),
        ["input_model"] = ("", "training starts afresh (no continued training)"),
        ["zero_as_missing"] = ("false", "zero is a value (only NaN is missing)"),
        ["use_missing"] = ("true", "NaN is always missing"),
        ["bagging_seed"] = ("3", "bagging draws from 'seed'"),
        ["feature_fraction_seed"] = ("2", "feature sampling draws from 'seed'"),
        ["sigmoid"] = ("1", "the binary objective's sigmoid is fixed at 1"),
    };

    /// <summary>Why a parameter cannot be honoured, or null when it can (or is not one this list knows).</summary>
    public static string? Refusal(string key, string value)
    {
        if (key is "boosting" or "boosting_type" or "boost")
        {
            return value.ToLowerInvariant() is "gbdt" or "gbrt" ? null : "this trainer implements only boosting=gbdt (not rf, dart or goss)";
        }

        return NotImplemented.TryGetValue(key, out var known) && !IsOff(value, known.Off) ? $"not implemented by this trainer: {known.Instead}" : null;
    }

    /// <summary>Whether a key is one this list knows (accepted when it is off).</summary>
    public static bool IsKnown(string key) => NotImplemented.ContainsKey(key);

    private static bool IsOff(string value, string off) =>
        value.Equals(off, StringComparison.OrdinalIgnoreCase)
        || (off == "false" && value is "0" or "-")
        || (off == "true" && value is "1" or "+")
        || (double.TryParse(off, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var o)
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v == o);

    /// <summary>Why a <c>metric</c> value cannot be honoured for an objective, or null when it drives early stopping.</summary>
    public static string? MetricRefusal(TrainingObjective objective, string value)
    {
        var allowed = Metrics[objective];
        foreach (var metric in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (metric.ToLowerInvariant() is "none" or "null" or "na" or "custom")
            {
                continue; // no metric: nothing is computed, nothing is lost
            }

            if (!allowed.Contains(metric, StringComparer.OrdinalIgnoreCase))
            {
                return $"early stopping for objective {objective.ToString().ToLowerInvariant()} uses {allowed[0]}; other metrics are not computed while training";
            }
        }

        return null;
    }
}

using System.Globalization;

namespace LaborMarket.Inference.Training;

/// <summary>
/// Training parameters, named and defaulted as LightGBM names and defaults them, so a LightGBM config carries
/// over (<see cref="Parse"/> reads <c>key=value</c> pairs with LightGBM's names and common aliases).
/// </summary>
public sealed record GbdtParameters
{
    /// <summary>The loss. Default regression.</summary>
    public TrainingObjective Objective { get; init; } = TrainingObjective.Regression;

    /// <summary>Boosting iterations. Default 100.</summary>
    public int NumIterations { get; init; } = 100;

    /// <summary>Shrinkage. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Leaves per tree (trees grow leaf-wise, best gain first). Default 31.</summary>
    public int NumLeaves { get; init; } = 31;

    /// <summary>Depth limit; 0 or less for none. Default -1.</summary>
    public int MaxDepth { get; init; } = -1;

    /// <summary>Rows a leaf needs at least. Default 20.</summary>
    public int MinDataInLeaf { get; init; } = 20;

    /// <summary>Hessian sum a leaf needs at least. Default 1e-3.</summary>
    public double MinSumHessianInLeaf { get; init; } = 1e-3;

    /// <summary>L1 regularization of leaf values. Default 0.</summary>
    public double LambdaL1 { get; init; }

    /// <summary>L2 regularization of leaf values. Default 0.</summary>
    public double LambdaL2 { get; init; }

    /// <summary>Gain a split needs at least. Default 0.</summary>
    public double MinGainToSplit { get; init; }

    /// <summary>Histogram bins per numerical feature at most (up to 255). Default 255.</summary>
    public int MaxBin { get; init; } = 255;

    /// <summary>Rows a bin holds at least. Default 3.</summary>
    public int MinDataInBin { get; init; } = 3;

    /// <summary>Share of features each tree may use. Default 1.</summary>
    public double FeatureFraction { get; init; } = 1;

    /// <summary>Share of rows each bagging round uses. Default 1 (no bagging).</summary>
    public double BaggingFraction { get; init; } = 1;

    /// <summary>Re-sample the bag every this many iterations; 0 turns bagging off. Default 0.</summary>
    public int BaggingFreq { get; init; }

    /// <summary>Stop when the validation metric has not improved for this many iterations; 0 never stops early. Default 0.</summary>
    public int EarlyStoppingRounds { get; init; }

    /// <summary>The quantile for <see cref="TrainingObjective.Quantile"/>. Default 0.9.</summary>
    public double Alpha { get; init; } = 0.9;

    /// <summary>
    /// Classes for <see cref="TrainingObjective.Multiclass"/>. Default 1, which for a multiclass model means "not given":
    /// <see cref="GbdtTrainer"/> then reads the class count from the labels (the largest label + 1).
    /// </summary>
    public int NumClass { get; init; } = 1;

    /// <summary>Cap on the Poisson hessian step (LightGBM's <c>poisson_max_delta_step</c>). Default 0.7.</summary>
    public double PoissonMaxDeltaStep { get; init; } = 0.7;

    /// <summary>Start from the label average (or its objective's equivalent). Default true.</summary>
    public bool BoostFromAverage { get; init; } = true;

    /// <summary>Names of categorical features (integer codes 0, 1, 2, ...; negative or missing codes go right).</summary>
    public IReadOnlyList<string> CategoricalFeatures { get; init; } = [];

    /// <summary>Categories at most for one-vs-rest categorical splits. Default 4.</summary>
    public int MaxCatToOnehot { get; init; } = 4;

    /// <summary>Categories on one side of a categorical split at most. Default 32.</summary>
    public int MaxCatThreshold { get; init; } = 32;

    /// <summary>Smoothing of category statistics when ordering categories. Default 10.</summary>
    public double CatSmooth { get; init; } = 10;

    /// <summary>Extra L2 regularization in categorical splits. Default 10.</summary>
    public double CatL2 { get; init; } = 10;

    /// <summary>Rows per group of categories in a categorical split at least. Default 100.</summary>
    public int MinDataPerGroup { get; init; } = 100;

    /// <summary>Seed for bagging and feature sampling. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Threads; 0 for all cores. Results do not depend on it. Default 0.</summary>
    public int NumThreads { get; init; }

    /// <summary>The objective's name in LightGBM's model header.</summary>
    internal string ObjectiveText => Objective switch
    {
        TrainingObjective.Regression => "regression",
        TrainingObjective.Quantile => "quantile",
        TrainingObjective.Binary => "binary sigmoid:1",
        TrainingObjective.Poisson => "poisson",
        _ => $"multiclass num_class:{NumClass}",
    };

    /// <summary>Reads LightGBM-style <c>key=value</c> pairs (names and common aliases) over the defaults.</summary>
    /// <param name="pairs">Pairs such as <c>("num_leaves", "63")</c> or <c>("objective", "quantile")</c>.</param>
    /// <exception cref="UnsupportedTrainingParameterException">
    /// A LightGBM parameter or value the trainer does not implement (<c>boosting</c> other than gbdt, an objective it does
    /// not train, a <c>metric</c> other than the one its early stopping uses, and LightGBM's other switches that would change
    /// the model), naming it.
    /// </exception>
    /// <exception cref="ArgumentException">An unknown key or a value that does not parse, naming it.</exception>
    public static GbdtParameters Parse(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var p = new GbdtParameters();
        var metrics = new List<(string Key, string Value)>();
        foreach (var (rawKey, rawValue) in pairs)
        {
            var key = rawKey.Trim().ToLowerInvariant();
            var value = rawValue.Trim();
            if (TrainingParameterSupport.Refusal(key, value) is { } refusal)
            {
                throw new UnsupportedTrainingParameterException(rawKey.Trim(), value, refusal);
            }

            if (key is "metric" or "metrics" or "metric_types")
            {
                metrics.Add((rawKey.Trim(), value)); // checked against the objective once it is known
                continue;
            }

            p = key switch
            {
                "objective" or "objective_type" or "app" or "application" or "loss" => p with { Objective = ObjectiveOf(rawKey.Trim(), value) },
                "num_iterations" or "num_iteration" or "n_iter" or "num_tree" or "num_trees" or "num_round" or "num_rounds" or "num_boost_round" or "n_estimators" => p with { NumIterations = Int(key, value) },
                "learning_rate" or "shrinkage_rate" or "eta" => p with { LearningRate = Double(key, value) },
                "num_leaves" or "num_leaf" or "max_leaves" or "max_leaf" or "max_leaf_nodes" => p with { NumLeaves = Int(key, value) },
                "max_depth" => p with { MaxDepth = Int(key, value) },
                "min_data_in_leaf" or "min_data_per_leaf" or "min_data" or "min_child_samples" or "min_samples_leaf" => p with { MinDataInLeaf = Int(key, value) },
                "min_sum_hessian_in_leaf" or "min_sum_hessian_per_leaf" or "min_sum_hessian" or "min_hessian" or "min_child_weight" => p with { MinSumHessianInLeaf = Double(key, value) },
                "lambda_l1" or "reg_alpha" or "l1_regularization" => p with { LambdaL1 = Double(key, value) },
                "lambda_l2" or "reg_lambda" or "lambda" or "l2_regularization" => p with { LambdaL2 = Double(key, value) },
                "min_gain_to_split" or "min_split_gain" => p with { MinGainToSplit = Double(key, value) },
                "max_bin" or "max_bins" => p with { MaxBin = Int(key, value) },
                "min_data_in_bin" => p with { MinDataInBin = Int(key, value) },
                "feature_fraction" or "sub_feature" or "colsample_bytree" => p with { FeatureFraction = Double(key, value) },
                "bagging_fraction" or "sub_row" or "subsample" or "bagging" => p with { BaggingFraction = Double(key, value) },
                "bagging_freq" or "subsample_freq" => p with { BaggingFreq = Int(key, value) },
                "early_stopping_round" or "early_stopping_rounds" or "early_stopping" or "n_iter_no_change" => p with { EarlyStoppingRounds = Int(key, value) },
                "alpha" => p with { Alpha = Double(key, value) },
                "num_class" or "num_classes" => p with { NumClass = Int(key, value) },
                "poisson_max_delta_step" => p with { PoissonMaxDeltaStep = Double(key, value) },
                "boost_from_average" => p with { BoostFromAverage = Bool(key, value) },
                "categorical_feature" or "cat_feature" or "categorical_column" or "cat_column" or "categorical_features" =>
                    p with { CategoricalFeatures = (value.StartsWith("name:", StringComparison.Ordinal) ? value[5..] : value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "max_cat_to_onehot" => p with { MaxCatToOnehot = Int(key, value) },
                "max_cat_threshold" => p with { MaxCatThreshold = Int(key, value) },
                "cat_smooth" => p with { CatSmooth = Double(key, value) },
                "cat_l2" => p with { CatL2 = Double(key, value) },
                "min_data_per_group" => p with { MinDataPerGroup = Int(key, value) },
                "seed" or "random_seed" or "random_state" => p with { Seed = Int(key, value) },
                "num_threads" or "num_thread" or "nthread" or "nthreads" or "n_jobs" => p with { NumThreads = Int(key, value) },
                // Settings that change nothing here (I/O, logging, LightGBM-only performance switches).
                "task" or "data" or "train" or "valid" or "header" or "label_column" or "label" or "output_model" or "verbosity" or "verbose"
                    or "deterministic" or "force_row_wise" or "force_col_wise" or "precise_float_parser" or "metric_freq" or "first_metric_only"
                    or "is_provide_training_metric" or "training_metric" or "is_training_metric" or "provide_training_metric" => p,
                "boosting" or "boosting_type" or "boost" => p, // gbdt (anything else was refused above)
                // Switches of a boosting type or objective that is refused anyway: they act on nothing here, as in LightGBM.
                "drop_rate" or "rate_drop" or "max_drop" or "skip_drop" or "xgboost_dart_mode" or "uniform_drop" or "drop_seed" or "top_rate" or "other_rate"
                    or "tweedie_variance_power" or "huber_delta" or "fair_c" or "extra_seed" => p,
                _ when TrainingParameterSupport.IsKnown(key) => p, // left off (anything else was refused above)
                _ => throw new ArgumentException($"unknown training parameter '{rawKey}'", nameof(pairs)),
            };
        }

        foreach (var (key, value) in metrics)
        {
            if (TrainingParameterSupport.MetricRefusal(p.Objective, value) is { } refusal)
            {
                throw new UnsupportedTrainingParameterException(key, value, refusal);
            }
        }

        return p;
    }

    /// <summary>The first problem with the parameters, or null.</summary>
    public string? Validate() =>
        NumIterations < 1 ? "num_iterations must be at least 1"
        : LearningRate is <= 0 or > 1 || double.IsNaN(LearningRate) ? "learning_rate must be in (0, 1]"
        : NumLeaves is < 2 or > 131072 ? "num_leaves must be 2 to 131072"
        : MinDataInLeaf < 1 ? "min_data_in_leaf must be at least 1"
        : MinSumHessianInLeaf < 0 ? "min_sum_hessian_in_leaf must not be negative"
        : LambdaL1 < 0 || LambdaL2 < 0 ? "lambda_l1 and lambda_l2 must not be negative"
        : MaxBin is < 2 or > 255 ? "max_bin must be 2 to 255"
        : FeatureFraction is <= 0 or > 1 ? "feature_fraction must be in (0, 1]"
        : BaggingFraction is <= 0 or > 1 ? "bagging_fraction must be in (0, 1]"
        : Alpha is <= 0 or >= 1 && Objective == TrainingObjective.Quantile ? "alpha must be in (0, 1) for quantile"
        : Objective == TrainingObjective.Multiclass && NumClass < 1 ? "num_class must be at least 2 for multiclass (or left out, to read it from the labels)"
        : Objective != TrainingObjective.Multiclass && NumClass != 1 ? "num_class is 1 unless the objective is multiclass"
        : NumThreads < 0 ? "num_threads must not be negative"
        : null;

    private static TrainingObjective ObjectiveOf(string key, string value) => value.ToLowerInvariant() switch
    {
        "regression" or "regression_l2" or "l2" or "mean_squared_error" or "mse" or "l2_root" or "root_mean_squared_error" or "rmse" => TrainingObjective.Regression,
        "quantile" => TrainingObjective.Quantile,
        "binary" => TrainingObjective.Binary,
        "poisson" => TrainingObjective.Poisson,
        "multiclass" or "softmax" => TrainingObjective.Multiclass,
        _ => throw new UnsupportedTrainingParameterException(key, value, "not an objective this engine trains (regression, quantile, binary, poisson, multiclass)"),
    };

    private static int Int(string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{key}: '{value}' is not an integer");

    private static double Double(string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw new ArgumentException($"{key}: '{value}' is not a number");

    private static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "+" => true,
        "false" or "0" or "-" => false,
        _ => throw new ArgumentException($"{key}: '{value}' is not true or false"),
    };
}

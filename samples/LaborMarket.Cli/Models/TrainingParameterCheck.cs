using System.Globalization;

namespace LaborMarket.Cli.Models;

/// <summary>
/// LightGBM parameters the trainer accepts but does not act on: refused here rather than trained around silently.
/// </summary>
internal static class TrainingParameterCheck
{
    // The metric each objective stops early on (GbdtTrainer's validation metric), with LightGBM's spellings of it.
    private static readonly Dictionary<string, string[]> Metrics = new(StringComparer.OrdinalIgnoreCase)
    {
        ["regression"] = ["l2", "mean_squared_error", "mse", "regression", "regression_l2"],
        ["quantile"] = ["quantile"],
        ["binary"] = ["binary_logloss", "binary"],
        ["poisson"] = ["poisson"],
        ["multiclass"] = ["multi_logloss", "multiclass", "softmax"],
    };

    /// <summary>The message refusing a parameter the trainer does not implement, or null when all are fine.</summary>
    public static string? Refusal(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        var objective = Canonical(pairs.LastOrDefault(p => p.Key.Trim().Equals("objective", StringComparison.OrdinalIgnoreCase)).Value ?? "regression");
        foreach (var (rawKey, rawValue) in pairs)
        {
            var key = rawKey.Trim().ToLowerInvariant();
            var value = rawValue.Trim();
            if (key is "boosting" or "boosting_type" or "boost" && !value.Equals("gbdt", StringComparison.OrdinalIgnoreCase) && !value.Equals("gbrt", StringComparison.OrdinalIgnoreCase))
            {
                return $"--param {rawKey}={rawValue}: this trainer implements only boosting=gbdt (not rf, dart or goss)";
            }

            if (key is "metric" or "metrics" or "metric_types")
            {
                var allowed = Metrics.TryGetValue(objective, out var names) ? names : [];
                foreach (var metric in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!allowed.Contains(metric, StringComparer.OrdinalIgnoreCase))
                    {
                        return $"--param {rawKey}={rawValue}: early stopping for objective {objective} uses {(allowed.Length > 0 ? allowed[0] : "its own loss")}; other metrics are not computed (run 'model evaluate' for them)";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>For multiclass without num_class, the class count read from the labels (classes are 0..K-1).</summary>
    public static void AddClassCount(List<KeyValuePair<string, string>> pairs, IReadOnlyList<double> labels)
    {
        var objective = Canonical(pairs.LastOrDefault(p => p.Key.Trim().Equals("objective", StringComparison.OrdinalIgnoreCase)).Value ?? "regression");
        if (objective != "multiclass" || labels.Count == 0 || pairs.Any(p => p.Key.Trim().ToLowerInvariant() is "num_class" or "num_classes"))
        {
            return;
        }

        var classes = (int)labels.Max() + 1;
        pairs.Add(new("num_class", classes.ToString(CultureInfo.InvariantCulture)));
    }

    private static string Canonical(string objective) => objective.Trim().ToLowerInvariant() switch
    {
        "regression_l2" or "l2" or "mean_squared_error" or "mse" or "l2_root" or "root_mean_squared_error" or "rmse" => "regression",
        "softmax" => "multiclass",
        var o => o,
    };
}

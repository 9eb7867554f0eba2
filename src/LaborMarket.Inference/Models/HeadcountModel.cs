using System.Text.Json;
using System.Text.Json.Serialization;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Models;

/// <summary>
/// How many records a role has at an employer: a Poisson GBDT over the role's share of employers, the employer's
/// other records, the role and its mean count in the other training groups, judged against the mean count by role.
/// The frequencies and counts are kept with the model, so it predicts for any (employer, role). Immutable; thread-safe.
/// </summary>
public sealed class HeadcountModel
{
    private const double RoleMeanPrior = 5;
    private static readonly string[] Features = ["role_frequency", "employer_other_records", "role", "role_mean_count"];

    private readonly LightGbmModel _model;
    private readonly HeadcountEncoding _encoding;
    private readonly CategoryCodes _roles;

    private HeadcountModel(LightGbmModel model, string modelText, HeadcountEncoding encoding, HeadcountMetrics? metrics)
    {
        _model = model;
        _encoding = encoding;
        _roles = new CategoryCodes(encoding.Roles);
        ModelText = modelText;
        Metrics = metrics;
    }

    /// <summary>The held-out metrics from training, beside the baseline's (null for a loaded model).</summary>
    public HeadcountMetrics? Metrics { get; }

    /// <summary>The model's text, in LightGBM's format.</summary>
    public string ModelText { get; }

    /// <summary>Trains and evaluates on a random 70/15/15 split of the (employer, role) groups.</summary>
    /// <param name="records">Normalized records.</param>
    /// <param name="options">Seed and tree parameters, or null for the defaults.</param>
    /// <exception cref="ArgumentException">Fewer than 50 groups.</exception>
    public static HeadcountModel Train(IReadOnlyList<JobRecord> records, ModelTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new ModelTrainingOptions();
        var groups = records.GroupBy(r => (r.Employer, Role: r.RoleId)).Select(g => (g.Key.Employer, g.Key.Role, Count: g.Count())).ToArray();
        if (groups.Length < 50)
        {
            throw new ArgumentException($"{groups.Length} employer-role groups: too few to learn from", nameof(records));
        }

        var split = DataSplit.Random(groups.Length, options.Seed);
        var train = split.Train.Select(i => groups[i]).ToArray();
        var employers = train.Select(g => g.Employer).Distinct(StringComparer.Ordinal).Count();
        var roleCounts = train.GroupBy(g => g.Role, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Sum: g.Sum(x => x.Count), N: g.Count()), StringComparer.Ordinal);
        var overall = train.Average(g => g.Count);
        var encoding = new HeadcountEncoding(
            roleCounts.ToDictionary(p => p.Key, p => p.Value.N / (double)employers, StringComparer.Ordinal),
            train.GroupBy(g => g.Employer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal),
            [.. new CategoryCodes(train.Select(g => g.Role)).Values],
            roleCounts.ToDictionary(p => p.Key, p => (p.Value.Sum + (RoleMeanPrior * overall)) / (p.Value.N + RoleMeanPrior), StringComparer.Ordinal),
            overall);
        var untrained = new HeadcountModel(null!, "", encoding, null);

        // A training group's own count is left out of its employer's other records and its role's mean: the trees must
        // not read the label back.
        TrainingSet Set(IReadOnlyList<int> indexes, bool inTrain) => TrainingSet.FromRows(Features, indexes.Select(i =>
        {
            var g = groups[i];
            var row = untrained.Row(g.Employer, g.Role);
            if (inTrain)
            {
                var (sum, n) = roleCounts[g.Role];
                row[1] = Math.Log(1 + encoding.EmployerRecords[g.Employer] - g.Count);
                row[3] = (sum - g.Count + (RoleMeanPrior * overall)) / (n - 1 + RoleMeanPrior);
            }

            return row;
        }).ToList(), indexes.Select(i => (double)groups[i].Count).ToList());

        var parameters = (options.Parameters ?? new GbdtParameters { NumIterations = 400, LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 10, EarlyStoppingRounds = 30 })
            with { Objective = TrainingObjective.Poisson, CategoricalFeatures = ["role"], MinDataPerGroup = 20, CatSmooth = 5, Seed = options.Seed };
        var result = (options.Trainer ?? GbdtTrainer.Default).Train(Set(split.Train, true), parameters, Set(split.Validation, false));
        var test = Set(split.Test, false);
        var predictions = ModelEvaluation.Predict(result.Model, test).Select(p => p[0]).ToArray();
        var baseline = split.Test.Select(i => roleCounts.TryGetValue(groups[i].Role, out var c) ? (double)c.Sum / c.N : overall).ToArray();
        var model = ModelMetrics.Regression(test.Labels, predictions);
        var baselineMetrics = ModelMetrics.Regression(test.Labels, baseline);
        var deviance = ModelMetrics.PoissonDeviance(test.Labels, predictions);
        var baselineDeviance = ModelMetrics.PoissonDeviance(test.Labels, baseline);
        var metrics = new HeadcountMetrics(model, baselineMetrics, deviance, baselineDeviance, groups.Length,
            deviance < baselineDeviance && model.Mae < baselineMetrics.Mae);
        return new HeadcountModel(result.Model, result.ModelText, encoding, metrics);
    }

    /// <summary>The expected count of records for a role at an employer (unseen employers and roles read as missing or zero).</summary>
    /// <param name="employer">The employer.</param>
    /// <param name="roleId">The role (as in <see cref="JobRecord.RoleId"/>).</param>
    public double Predict(string employer, string roleId)
    {
        ArgumentNullException.ThrowIfNull(employer);
        ArgumentNullException.ThrowIfNull(roleId);
        Span<double> x = stackalloc double[Features.Length];
        Row(employer, roleId, x);
        return _model.Predict(x);
    }

    /// <summary>Saves the model with its encodings (config.json) and metrics beside the baseline's (metrics.json).</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    /// <returns>The version saved.</returns>
    public string Save(ModelRegistry registry, string name)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var metrics = Metrics is { } m
            ? new Dictionary<string, double>
            {
                ["mae"] = m.Model.Mae, ["baseline_mae"] = m.Baseline.Mae, ["rmse"] = m.Model.Rmse, ["baseline_rmse"] = m.Baseline.Rmse,
                ["poisson_deviance"] = m.ModelDeviance, ["baseline_poisson_deviance"] = m.BaselineDeviance, ["beats_baseline"] = m.BeatsBaseline ? 1 : 0,
            }
            : [];
        return registry.Save(name, ModelText, metrics, JsonSerializer.Serialize(_encoding, ModelConfigJsonContext.Default.HeadcountEncoding));
    }

    /// <summary>Loads the latest headcount model saved as <paramref name="name"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    /// <exception cref="LaborMarketFormatException">The saved config is not a headcount model's.</exception>
    public static HeadcountModel Load(ModelRegistry registry, string name)
    {
        var (saved, encoding) = SavedEncoding.Load<HeadcountEncoding>(registry, name, "headcount", "a headcount model", Features, ModelConfigJsonContext.Default.HeadcountEncoding, e => e.Kind);
        return new HeadcountModel(saved.Model, saved.ModelText, encoding, null);
    }

    private double[] Row(string employer, string role)
    {
        var x = new double[Features.Length];
        Row(employer, role, x);
        return x;
    }

    private void Row(string employer, string role, Span<double> x)
    {
        x[0] = _encoding.RoleFrequency.GetValueOrDefault(role);
        x[1] = Math.Log(1 + _encoding.EmployerRecords.GetValueOrDefault(employer));
        x[2] = _roles.Code(role);
        x[3] = _encoding.RoleMeanCount.TryGetValue(role, out var mean) ? mean : _encoding.OverallMean;
    }

    /// <summary>What the model keeps from training: the frequencies and counts its features read.</summary>
    internal sealed record HeadcountEncoding(
        [property: JsonPropertyName("role_frequency")] Dictionary<string, double> RoleFrequency,
        [property: JsonPropertyName("employer_records")] Dictionary<string, int> EmployerRecords,
        [property: JsonPropertyName("roles")] string[] Roles,
        [property: JsonPropertyName("role_mean_counts")] Dictionary<string, double> RoleMeanCount,
        [property: JsonPropertyName("overall_mean")] double OverallMean)
    {
        [JsonPropertyName("kind")]
        public string Kind { get; init; } = "headcount";
    }
}

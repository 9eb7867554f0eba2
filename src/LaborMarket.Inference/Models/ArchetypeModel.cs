using System.Text.Json;
using System.Text.Json.Serialization;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Models;

/// <summary>
/// Whether an archetype (role | seniority | state) exists at an employer: a binary GBDT over how many employers
/// have the archetype, its role, its role and seniority, and its state, the employer's archetype count, the role
/// and the seniority, trained on the observed (employer, archetype) pairs against sampled unobserved ones (one
/// negative per positive). Frequencies and counts come from the training pairs only and are kept with the model, so
/// it scores any (employer, role, seniority, state). Judged against the archetype's frequency alone. Immutable;
/// thread-safe.
/// </summary>
public sealed class ArchetypeModel
{
    private static readonly string[] Features =
        ["archetype_frequency", "role_frequency", "role_seniority_frequency", "location_frequency", "company_archetype_count", "role", "seniority"];

    private readonly LightGbmModel _model;
    private readonly ArchetypeEncoding _encoding;
    private readonly CategoryCodes _roles;

    // The encoding's text keys ("15-1252|senior|CA") read once into typed keys, so scoring a pair allocates nothing.
    private readonly Dictionary<(string Role, SeniorityLevel Seniority, UsState State), double> _archetypeFrequency;
    private readonly Dictionary<(string Role, SeniorityLevel Seniority), double> _roleSeniorityFrequency;
    private readonly Dictionary<UsState, double> _stateFrequency;

    private ArchetypeModel(LightGbmModel model, string modelText, ArchetypeEncoding encoding, ArchetypeMetrics? metrics)
    {
        _model = model;
        _encoding = encoding;
        _roles = new CategoryCodes(encoding.Roles);
        _archetypeFrequency = [];
        foreach (var (key, value) in encoding.ArchetypeFrequency)
        {
            var last = key.LastIndexOf('|');
            var middle = last > 0 ? key.LastIndexOf('|', last - 1) : -1;
            if (middle > 0 && SeniorityNames.TryParse(key.AsSpan(middle + 1, last - middle - 1), out var level) && UsState.TryParse(key.AsSpan(last + 1), out var state))
            {
                _archetypeFrequency[(key[..middle], level, state)] = value;
            }
        }

        _roleSeniorityFrequency = [];
        foreach (var (key, value) in encoding.RoleSeniorityFrequency)
        {
            var last = key.LastIndexOf('|');
            if (last > 0 && SeniorityNames.TryParse(key.AsSpan(last + 1), out var level))
            {
                _roleSeniorityFrequency[(key[..last], level)] = value;
            }
        }

        _stateFrequency = [];
        foreach (var (key, value) in encoding.LocationFrequency)
        {
            if (UsState.TryParse(key, out var state))
            {
                _stateFrequency[state] = value;
            }
        }

        ModelText = modelText;
        Metrics = metrics;
    }

    /// <summary>The held-out metrics from training, beside the baseline's (null for a loaded model).</summary>
    public ArchetypeMetrics? Metrics { get; }

    /// <summary>The probability at or above which an archetype is said to exist (chosen on validation pairs).</summary>
    public double Threshold => _encoding.Threshold;

    /// <summary>The model's text, in LightGBM's format.</summary>
    public string ModelText { get; }

    /// <summary>Trains and evaluates on a random 70/15/15 split of the observed (employer, archetype) pairs.</summary>
    /// <param name="records">Normalized records.</param>
    /// <param name="options">Seed and tree parameters, or null for the defaults.</param>
    /// <exception cref="ArgumentException">Fewer than 50 pairs or 2 archetypes.</exception>
    public static ArchetypeModel Train(IReadOnlyList<JobRecord> records, ModelTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new ModelTrainingOptions();
        var seed = options.Seed;
        var pairs = records.Select(r => (r.Employer, Archetype: (Role: r.RoleId, r.Seniority, r.State))).Distinct().ToArray();
        var archetypes = pairs.Select(p => p.Archetype).Distinct().ToArray();
        if (pairs.Length < 50 || archetypes.Length < 2)
        {
            throw new ArgumentException($"{pairs.Length} company-archetype pairs over {archetypes.Length} archetypes: too few to learn from", nameof(records));
        }

        var observed = pairs.ToHashSet();
        var split = DataSplit.Random(pairs.Length, seed);
        var train = split.Train.Select(i => pairs[i]).ToArray();
        var employers = train.Select(p => p.Employer).Distinct(StringComparer.Ordinal).Count();
        Dictionary<string, double> Frequency(Func<(string Employer, (string Role, SeniorityLevel Seniority, UsState State) Archetype), string> key) =>
            train.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Employer).Distinct(StringComparer.Ordinal).Count() / (double)employers, StringComparer.Ordinal);
        var encoding = new ArchetypeEncoding(
            Frequency(p => $"{p.Archetype.Role}|{SeniorityNames.Name(p.Archetype.Seniority)}|{p.Archetype.State.Code}"), Frequency(p => p.Archetype.Role),
            Frequency(p => $"{p.Archetype.Role}|{SeniorityNames.Name(p.Archetype.Seniority)}"), Frequency(p => p.Archetype.State.Code),
            train.GroupBy(p => p.Employer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            [.. new CategoryCodes(train.Select(p => p.Archetype.Role)).Values], 0.5);
        var random = new Random(seed);
        var untrained = new ArchetypeModel(null!, "", encoding, null);

        TrainingSet Set(IEnumerable<int> indexes)
        {
            var rows = new List<double[]>();
            var labels = new List<double>();
            foreach (var i in indexes)
            {
                var p = pairs[i];
                rows.Add(untrained.Row(p.Employer, p.Archetype.Role, p.Archetype.Seniority, p.Archetype.State));
                labels.Add(1);
                for (var tries = 0; tries < 20; tries++)
                {
                    var other = archetypes[random.Next(archetypes.Length)];
                    if (!observed.Contains((p.Employer, other)))
                    {
                        rows.Add(untrained.Row(p.Employer, other.Role, other.Seniority, other.State));
                        labels.Add(0);
                        break;
                    }
                }
            }

            return TrainingSet.FromRows(Features, rows, labels);
        }

        var trainSet = Set(split.Train);
        var validSet = Set(split.Validation);
        var testSet = Set(split.Test);
        var parameters = (options.Parameters ?? new GbdtParameters { NumIterations = 400, LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 10, EarlyStoppingRounds = 30 })
            with { Objective = TrainingObjective.Binary, CategoricalFeatures = ["role"], MinDataPerGroup = 20, CatSmooth = 5, Seed = seed };
        var result = (options.Trainer ?? GbdtTrainer.Default).Train(trainSet, parameters, validSet);

        // The threshold and the baseline's threshold are chosen on validation pairs, never on the test pairs.
        var threshold = SeparatingThreshold(validSet.Labels, Scores(result.Model, validSet));
        var baselineThreshold = SeparatingThreshold(validSet.Labels, Column(validSet, 0));
        var testScores = Scores(result.Model, testSet);
        var test = ModelMetrics.Binary(testSet.Labels, testScores, threshold);
        var baseline = ModelMetrics.Binary(testSet.Labels, Column(testSet, 0), baselineThreshold);
        var calledYes = testScores.Count(s => s >= threshold);
        var metrics = new ArchetypeMetrics(test, baseline, threshold, pairs.Length, archetypes.Length, test.Auc > baseline.Auc,
            calledYes > 0 && calledYes < testScores.Length);
        return new ArchetypeModel(result.Model, result.ModelText, encoding with { Threshold = threshold }, metrics);
    }

    /// <summary>The score of an (employer, role, seniority, state) combination; unseen values read as missing or zero.</summary>
    /// <param name="employer">The employer.</param>
    /// <param name="roleId">The role (as in <see cref="JobRecord.RoleId"/>).</param>
    /// <param name="seniority">The seniority level.</param>
    /// <param name="state">The state.</param>
    public ArchetypeScore Predict(string employer, string roleId, SeniorityLevel seniority, UsState state)
    {
        ArgumentNullException.ThrowIfNull(employer);
        ArgumentNullException.ThrowIfNull(roleId);
        Span<double> x = stackalloc double[Features.Length];
        Row(employer, roleId, seniority, state, x);
        var p = _model.Predict(x);
        return new ArchetypeScore(p, p >= Threshold);
    }

    /// <summary>The score of a record's employer, role, seniority and state (its pay and date are ignored).</summary>
    /// <param name="record">The record.</param>
    public ArchetypeScore Predict(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Predict(record.Employer, record.RoleId, record.Seniority, record.State);
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
                ["auc"] = m.Test.Auc, ["baseline_auc"] = m.Baseline.Auc, ["f1"] = m.Test.F1, ["baseline_f1"] = m.Baseline.F1,
                ["accuracy"] = m.Test.Accuracy, ["baseline_accuracy"] = m.Baseline.Accuracy, ["logloss"] = m.Test.LogLoss,
                ["threshold"] = m.Threshold, ["beats_baseline"] = m.BeatsBaseline ? 1 : 0,
            }
            : new Dictionary<string, double> { ["threshold"] = Threshold };
        return registry.Save(name, ModelText, metrics, JsonSerializer.Serialize(_encoding, ModelConfigJsonContext.Default.ArchetypeEncoding));
    }

    /// <summary>Loads the latest archetype model saved as <paramref name="name"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    /// <exception cref="LaborMarketFormatException">The saved config is not an archetype model's.</exception>
    public static ArchetypeModel Load(ModelRegistry registry, string name)
    {
        var (saved, encoding) = SavedEncoding.Load<ArchetypeEncoding>(registry, name, "archetype", "an archetype model", Features, ModelConfigJsonContext.Default.ArchetypeEncoding, e => e.Kind);
        return new ArchetypeModel(saved.Model, saved.ModelText, encoding, null);
    }

    private double[] Row(string employer, string role, SeniorityLevel seniority, UsState state)
    {
        var x = new double[Features.Length];
        Row(employer, role, seniority, state, x);
        return x;
    }

    private void Row(string employer, string role, SeniorityLevel seniority, UsState state, Span<double> x)
    {
        x[0] = _archetypeFrequency.GetValueOrDefault((role, seniority, state));
        x[1] = _encoding.RoleFrequency.GetValueOrDefault(role);
        x[2] = _roleSeniorityFrequency.GetValueOrDefault((role, seniority));
        x[3] = _stateFrequency.GetValueOrDefault(state);
        x[4] = _encoding.EmployerArchetypes.GetValueOrDefault(employer);
        x[5] = _roles.Code(role);
        x[6] = SeniorityNames.Rank(seniority);
    }

    private static double[] Scores(LightGbmModel model, TrainingSet set) => ModelEvaluation.Predict(model, set).Select(p => p[0]).ToArray();

    private static double[] Column(TrainingSet set, int feature) => Enumerable.Range(0, set.RowCount).Select(r => set.Row(r)[feature]).ToArray();

    /// <summary>
    /// The threshold with the best true-positive rate minus false-positive rate (Youden's J) that calls some pairs yes and
    /// some no: unlike the best F1 on balanced pairs, it never settles on calling everything yes.
    /// </summary>
    internal static double SeparatingThreshold(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var positives = labels.Count(l => l >= 0.5);
        var negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return 0.5;
        }

        double best = double.NegativeInfinity, threshold = 0.5;
        int tp = 0, fp = 0;
        for (var k = 0; k < order.Length - 1; k++)
        {
            if (labels[order[k]] >= 0.5)
            {
                tp++;
            }
            else
            {
                fp++;
            }

            // Cut only between distinct scores: rows 0..k are called yes, the rest no.
            if (scores[order[k]] == scores[order[k + 1]])
            {
                continue;
            }

            var j = (tp / (double)positives) - (fp / (double)negatives);
            if (j > best)
            {
                best = j;
                threshold = scores[order[k]];
            }
        }

        return threshold;
    }

    /// <summary>What the model keeps from training: the frequencies and counts its features read, and its threshold.</summary>
    internal sealed record ArchetypeEncoding(
        [property: JsonPropertyName("archetype_frequency")] Dictionary<string, double> ArchetypeFrequency,
        [property: JsonPropertyName("role_frequency")] Dictionary<string, double> RoleFrequency,
        [property: JsonPropertyName("role_seniority_frequency")] Dictionary<string, double> RoleSeniorityFrequency,
        [property: JsonPropertyName("location_frequency")] Dictionary<string, double> LocationFrequency,
        [property: JsonPropertyName("employer_archetypes")] Dictionary<string, int> EmployerArchetypes,
        [property: JsonPropertyName("roles")] string[] Roles,
        [property: JsonPropertyName("threshold")] double Threshold)
    {
        [JsonPropertyName("kind")]
        public string Kind { get; init; } = "archetype";
    }
}

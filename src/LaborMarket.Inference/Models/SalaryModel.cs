using System.Text.Json;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Models;

/// <summary>
/// Estimates salary from role, seniority, state, employer size and source: three quantile GBDT models
/// (P10, median, P90) trained with early stopping on a validation split and judged on a test split against the
/// median by role and state. Immutable once trained; thread-safe.
/// </summary>
public sealed class SalaryModel
{
    private static readonly string[] Features = ["role", "seniority", "location", "employer_records", "source"];
    private static readonly double[] Quantiles = [0.1, 0.5, 0.9];
    private readonly LightGbmModel _p10;
    private readonly LightGbmModel _p50;
    private readonly LightGbmModel _p90;
    private readonly Encoding _encoding;

    private SalaryModel(LightGbmModel p10, LightGbmModel p50, LightGbmModel p90, Encoding encoding)
    {
        _p10 = p10;
        _p50 = p50;
        _p90 = p90;
        _encoding = encoding;
    }

    /// <summary>The most common data source in training: the one to assume for a record from nowhere in particular.</summary>
    public string MainSource => _encoding.Sources.Values.Count > 0 ? _encoding.Sources.Values[0] : "";

    /// <summary>The held-out metrics from training (null for a loaded model).</summary>
    public SalaryMetrics? Metrics { get; private set; }

    /// <summary>The three models' text (P10, median, P90), in LightGBM's format.</summary>
    public (string P10, string Median, string P90) ModelText { get; private init; }

    /// <summary>Trains on records with a salary (the shape the archetype and headcount models share).</summary>
    /// <param name="records">The records; those without a plausible salary are left out.</param>
    /// <param name="options">The split (indexes into the records with a plausible salary), tree parameters and trainer, or null for the defaults.</param>
    /// <exception cref="ArgumentException">Fewer than 50 records with a plausible salary.</exception>
    public static SalaryModel Train(IReadOnlyList<JobRecord> records, ModelTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        options ??= new ModelTrainingOptions();
        var rows = records.Where(r => IsPlausible(r.Salary)).ToArray();
        if (rows.Length < 50)
        {
            throw new ArgumentException($"{rows.Length} records with a salary: at least 50 are needed", nameof(records));
        }

        var split = options.Split ?? DataSplit.Random(rows.Length, options.Seed);
        var parameters = options.Parameters;
        var trainer = options.Trainer ?? GbdtTrainer.Default;
        var train = split.Train.Select(i => rows[i]).ToArray();
        var encoding = new Encoding(train);
        var p = (parameters ?? new GbdtParameters { NumIterations = 500, LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 10, EarlyStoppingRounds = 30 })
            with { CategoricalFeatures = ["role", "location", "source"], MinDataPerGroup = 20, CatSmooth = 5 };
        var trainSet = encoding.Set(train);
        var validSet = encoding.Set(split.Validation.Select(i => rows[i]).ToArray());
        var models = Quantiles.AsParallel().AsOrdered().Select(alpha =>
            trainer.Train(trainSet, p with { Objective = TrainingObjective.Quantile, Alpha = alpha }, validSet.RowCount > 0 ? validSet : null)).ToArray();
        var model = new SalaryModel(models[0].Model, models[1].Model, models[2].Model, encoding)
        {
            ModelText = (models[0].ModelText, models[1].ModelText, models[2].ModelText),
        };


        var test = split.Test.Select(i => rows[i]).ToArray();
        return test.Length == 0 ? model : new SalaryModel(model._p10, model._p50, model._p90, encoding)
        {
            ModelText = model.ModelText,
            Metrics = model.Evaluate(train, test),
        };
    }

    /// <summary>
    /// Annual pay the models learn from: $10,000 to $2,000,000. Outside it a figure is hourly, monthly or mistyped
    /// (real filings hold all three), and one such row would dominate a squared error.
    /// </summary>
    /// <param name="salary">The annual pay.</param>
    public static bool IsPlausible(double? salary) => salary is >= 10_000 and <= 2_000_000;

    /// <summary>The estimate for a record (its salary, if any, is ignored).</summary>
    /// <param name="record">The record.</param>
    public SalaryEstimate Estimate(JobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Span<double> x = stackalloc double[Features.Length];
        _encoding.Row(record, x);
        Span<double> values = [_p10.Predict(x), _p50.Predict(x), _p90.Predict(x)];
        values.Sort(); // quantile models trained apart can cross; an interval must not
        return new SalaryEstimate(values[0], values[1], values[2]);
    }

    /// <summary>Saves the three models as <c>{name}-p10</c>, <c>{name}-p50</c>, <c>{name}-p90</c>, with the feature codes in config.json.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    /// <returns>The version saved.</returns>
    public string Save(ModelRegistry registry, string name)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var config = JsonSerializer.Serialize(
            new SalaryConfig("salary", Features.ToArray(), _encoding.Roles.Values.ToArray(), _encoding.Locations.Values.ToArray(),
                _encoding.Sources.Values.ToArray(), _encoding.EmployerRecords),
            ModelConfigJsonContext.Default.SalaryConfig);
        var metrics = Metrics is { } m
            ? new Dictionary<string, double>
            {
                ["mae"] = m.Model.Mae, ["rmse"] = m.Model.Rmse, ["r2"] = m.Model.R2, ["mape"] = m.Model.Mape,
                ["interval_coverage"] = m.IntervalCoverage, ["baseline_mae"] = m.Baseline.Mae, ["baseline_r2"] = m.Baseline.R2,
                ["train_rows"] = m.TrainRows, ["test_rows"] = m.TestRows,
            }
            : [];
        registry.Save(name + "-p10", ModelText.P10, metrics, config);
        registry.Save(name + "-p90", ModelText.P90, metrics, config);
        return registry.Save(name + "-p50", ModelText.Median, metrics, config);
    }

    /// <summary>Loads the latest salary model saved as <paramref name="name"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="name">The model name.</param>
    public static SalaryModel Load(ModelRegistry registry, string name)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var median = registry.Load(name + "-p50");
        var p10 = registry.Load(name + "-p10");
        var p90 = registry.Load(name + "-p90");
        using var config = JsonDocument.Parse(median.Config);
        string[] Strings(string key) => config.RootElement.GetProperty(key).EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        var employers = config.RootElement.GetProperty("employer_records").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal);
        var encoding = new Encoding(Strings("roles"), Strings("locations"), Strings("sources"), employers);
        return new SalaryModel(p10.Model, median.Model, p90.Model, encoding) { ModelText = (p10.ModelText, median.ModelText, p90.ModelText) };
    }

    private SalaryMetrics Evaluate(JobRecord[] train, JobRecord[] test)
    {
        var estimates = test.Select(Estimate).ToArray();
        var labels = test.Select(r => r.Salary!.Value).ToArray();
        var model = ModelMetrics.Regression(labels, estimates.Select(e => e.Median).ToArray());
        var coverage = ModelMetrics.Coverage(labels, estimates.Select(e => e.P10).ToArray(), estimates.Select(e => e.P90).ToArray());

        // Baseline: the training median for the role and state, else for the role, else overall.
        var byArchetype = train.GroupBy(r => (r.RoleId, r.State)).ToDictionary(g => g.Key, g => Median(g));
        var byRole = train.GroupBy(r => r.RoleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Median(g), StringComparer.Ordinal);
        var overall = Median(train);
        var baseline = test.Select(r => byArchetype.TryGetValue((r.RoleId, r.State), out var a) ? a : byRole.TryGetValue(r.RoleId, out var b) ? b : overall).ToArray();
        var baselineMetrics = ModelMetrics.Regression(labels, baseline);
        return new SalaryMetrics(model, baselineMetrics, coverage, train.Length, test.Length, model.Mae < baselineMetrics.Mae);
    }

    private static double Median(IEnumerable<JobRecord> rows)
    {
        var values = rows.Select(r => r.Salary!.Value).Order().ToArray();
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
    }

    /// <summary>The feature codes learnt from the training rows.</summary>
    private sealed class Encoding
    {
        public Encoding(JobRecord[] train)
            : this(new CategoryCodes(train.Select(r => r.RoleId)).Values.ToArray(), new CategoryCodes(train.Select(r => r.State.Code)).Values.ToArray(),
                new CategoryCodes(train.Select(r => r.Source)).Values.ToArray(),
                train.GroupBy(r => r.Employer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal))
        {
        }

        public Encoding(string[] roles, string[] locations, string[] sources, Dictionary<string, int> employerRecords)
        {
            Roles = new CategoryCodes(roles);
            Locations = new CategoryCodes(locations);
            Sources = new CategoryCodes(sources);
            EmployerRecords = employerRecords;
        }

        public CategoryCodes Roles { get; }

        public CategoryCodes Locations { get; }

        public CategoryCodes Sources { get; }

        public Dictionary<string, int> EmployerRecords { get; }

        public void Row(JobRecord r, Span<double> x)
        {
            x[0] = Roles.Code(r.RoleId);
            x[1] = SeniorityNames.Rank(r.Seniority);
            x[2] = Locations.Code(r.State.Code);
            x[3] = Math.Log(1 + EmployerRecords.GetValueOrDefault(r.Employer));
            x[4] = Sources.Code(r.Source);
        }

        public TrainingSet Set(JobRecord[] rows)
        {
            var data = rows.Select(r =>
            {
                var x = new double[Features.Length];
                Row(r, x);
                return x;
            }).ToList();
            return TrainingSet.FromRows(Features, data, rows.Select(r => r.Salary!.Value).ToList());
        }
    }
}

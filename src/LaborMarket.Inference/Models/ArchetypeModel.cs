using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Models;

/// <summary>How the archetype classifier did on held-out pairs.</summary>
/// <param name="Test">Metrics at the tuned threshold.</param>
/// <param name="Threshold">The threshold with the best F1 on the validation pairs.</param>
/// <param name="Positives">Observed (employer, archetype) pairs.</param>
/// <param name="Archetypes">Distinct archetypes.</param>
public sealed record ArchetypeMetrics(BinaryMetrics Test, double Threshold, int Positives, int Archetypes);

/// <summary>
/// Whether an archetype (role | seniority | location) exists at a company: a binary GBDT over how many companies
/// have the archetype, its role, its role and seniority, and its location, the company's archetype count, the role
/// and the seniority, trained on the observed
/// (company, archetype) pairs against sampled unobserved ones (one negative per positive). Frequencies and
/// counts come from the training pairs only.
/// </summary>
public static class ArchetypeModel
{
    private static readonly string[] Features =
        ["archetype_frequency", "role_frequency", "role_seniority_frequency", "location_frequency", "company_archetype_count", "role", "seniority"];

    /// <summary>Trains and evaluates on a random 70/15/15 split of the observed pairs; saves to the registry when given.</summary>
    /// <param name="records">Normalized records.</param>
    /// <param name="seed">Seed for the split and the negative sampling.</param>
    /// <param name="registry">Where to save the model, or null.</param>
    /// <param name="name">The registry name. Default "archetype".</param>
    public static ArchetypeMetrics Train(IReadOnlyList<JobRecord> records, int seed = 42, ModelRegistry? registry = null, string name = "archetype")
    {
        ArgumentNullException.ThrowIfNull(records);
        var pairs = records.Select(r => (r.Employer, r.Archetype, r.Role, r.Seniority, r.Location)).Distinct().ToArray();
        var archetypes = pairs.Select(p => (p.Archetype, p.Role, p.Seniority, p.Location)).Distinct().ToArray();
        if (pairs.Length < 50 || archetypes.Length < 2)
        {
            throw new ArgumentException($"{pairs.Length} company-archetype pairs over {archetypes.Length} archetypes: too few to learn from", nameof(records));
        }

        var observed = pairs.Select(p => (p.Employer, p.Archetype)).ToHashSet();
        var split = DataSplit.Random(pairs.Length, seed);
        var train = split.Train.Select(i => pairs[i]).ToArray();
        var employers = train.Select(p => p.Employer).Distinct(StringComparer.Ordinal).Count();
        Dictionary<string, double> Frequency(Func<(string Employer, string Archetype, string Role, string Seniority, string Location), string> key) =>
            train.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Employer).Distinct(StringComparer.Ordinal).Count() / (double)employers, StringComparer.Ordinal);
        var frequency = Frequency(p => p.Archetype);
        var roleFrequency = Frequency(p => p.Role);
        var roleSeniorityFrequency = Frequency(p => p.Role + "|" + p.Seniority);
        var locationFrequency = Frequency(p => p.Location);
        var perCompany = train.GroupBy(p => p.Employer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var roles = new CategoryCodes(train.Select(p => p.Role));
        var random = new Random(seed);

        TrainingSet Set(IEnumerable<int> indexes)
        {
            var rows = new List<double[]>();
            var labels = new List<double>();
            foreach (var i in indexes)
            {
                var p = pairs[i];
                rows.Add(Row(p.Archetype, p.Employer, p.Role, p.Seniority, p.Location));
                labels.Add(1);
                for (var tries = 0; tries < 20; tries++)
                {
                    var other = archetypes[random.Next(archetypes.Length)];
                    if (!observed.Contains((p.Employer, other.Archetype)))
                    {
                        rows.Add(Row(other.Archetype, p.Employer, other.Role, other.Seniority, other.Location));
                        labels.Add(0);
                        break;
                    }
                }
            }

            return TrainingSet.FromRows(Features, rows, labels);
        }

        double[] Row(string archetype, string employer, string role, string seniority, string location) =>
        [
            frequency.GetValueOrDefault(archetype), roleFrequency.GetValueOrDefault(role), roleSeniorityFrequency.GetValueOrDefault(role + "|" + seniority),
            locationFrequency.GetValueOrDefault(location), perCompany.GetValueOrDefault(employer), roles.Code(role), SalaryModel.SeniorityRank(seniority),
        ];

        var trainSet = Set(split.Train);
        var validSet = Set(split.Validation);
        var testSet = Set(split.Test);
        var result = GbdtTrainer.Train(trainSet, new GbdtParameters
        {
            Objective = TrainingObjective.Binary, NumIterations = 400, LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 10,
            EarlyStoppingRounds = 30, CategoricalFeatures = ["role"], MinDataPerGroup = 20, CatSmooth = 5, Seed = seed,
        }, validSet);
        var validPredictions = ModelEvaluation.Predict(result.Model, validSet).Select(p => p[0]).ToArray();
        var threshold = ModelMetrics.BestF1Threshold(validSet.Labels, validPredictions);
        var test = ModelMetrics.Binary(testSet.Labels, ModelEvaluation.Predict(result.Model, testSet).Select(p => p[0]).ToArray(), threshold);
        var metrics = new ArchetypeMetrics(test, threshold, pairs.Length, archetypes.Length);
        registry?.Save(name, result.ModelText, new Dictionary<string, double>
        {
            ["auc"] = test.Auc, ["accuracy"] = test.Accuracy, ["precision"] = test.Precision, ["recall"] = test.Recall, ["f1"] = test.F1,
            ["logloss"] = test.LogLoss, ["threshold"] = threshold,
        }, new { kind = "archetype", features = Features, roles = roles.Values, seed });
        return metrics;
    }
}

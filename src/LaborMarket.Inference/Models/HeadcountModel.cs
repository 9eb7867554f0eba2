using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Models;

/// <summary>How the headcount model did on held-out (company, archetype) groups, beside the mean count by role.</summary>
/// <param name="Model">The model's counts.</param>
/// <param name="Baseline">The baseline's.</param>
/// <param name="ModelDeviance">Mean Poisson deviance of the model.</param>
/// <param name="BaselineDeviance">Mean Poisson deviance of the baseline.</param>
/// <param name="Groups">(company, archetype) groups.</param>
public sealed record HeadcountMetrics(RegressionMetrics Model, RegressionMetrics Baseline, double ModelDeviance, double BaselineDeviance, int Groups);

/// <summary>
/// How many people an archetype has at a company: Poisson GBDT over the archetype's frequency, the company's
/// other records, the role and its mean count in the other training groups, the seniority and the location,
/// judged against the mean count by role.
/// </summary>
public static class HeadcountModel
{
    private const double RoleMeanPrior = 5;
    private static readonly string[] Features = ["archetype_frequency", "company_other_records", "role", "role_mean_count", "seniority", "location"];

    /// <summary>Trains and evaluates on a random 70/15/15 split of the groups; saves to the registry when given.</summary>
    /// <param name="records">Normalized records.</param>
    /// <param name="seed">Seed for the split.</param>
    /// <param name="registry">Where to save the model, or null.</param>
    /// <param name="name">The registry name. Default "headcount".</param>
    public static HeadcountMetrics Train(IReadOnlyList<JobRecord> records, int seed = 42, ModelRegistry? registry = null, string name = "headcount")
    {
        ArgumentNullException.ThrowIfNull(records);
        var groups = records.GroupBy(r => (r.Employer, r.Archetype))
            .Select(g => (g.Key.Employer, g.Key.Archetype, g.First().Role, g.First().Seniority, g.First().Location, Count: g.Count())).ToArray();
        if (groups.Length < 50)
        {
            throw new ArgumentException($"{groups.Length} company-archetype groups: too few to learn from", nameof(records));
        }

        var split = DataSplit.Random(groups.Length, seed);
        var train = split.Train.Select(i => groups[i]).ToArray();
        var employers = train.Select(g => g.Employer).Distinct(StringComparer.Ordinal).Count();
        var frequency = train.GroupBy(g => g.Archetype, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() / (double)employers, StringComparer.Ordinal);
        var employerRecords = train.GroupBy(g => g.Employer, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal);
        var roles = new CategoryCodes(train.Select(g => g.Role));
        var roleCounts = train.GroupBy(g => g.Role, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Sum: g.Sum(x => x.Count), N: g.Count()), StringComparer.Ordinal);
        var overall = train.Average(g => g.Count);

        // The mean count of the role's other training groups (a training group's own count left out), shrunk to the
        // overall mean: the baseline as a feature the trees can refine.
        double RoleMean(string role, int own, bool inTrain)
        {
            var (sum, n) = roleCounts.GetValueOrDefault(role);
            if (inTrain)
            {
                sum -= own;
                n--;
            }

            return (sum + (RoleMeanPrior * overall)) / (n + RoleMeanPrior);
        }

        var locations = new CategoryCodes(train.Select(g => g.Location));

        TrainingSet Set(IReadOnlyList<int> indexes, bool inTrain) => TrainingSet.FromRows(Features, indexes.Select(i =>
        {
            var g = groups[i];
            var others = employerRecords.GetValueOrDefault(g.Employer) - (inTrain ? g.Count : 0);
            return new[] { frequency.GetValueOrDefault(g.Archetype), Math.Log(1 + others), roles.Code(g.Role), RoleMean(g.Role, g.Count, inTrain), SalaryModel.SeniorityRank(g.Seniority), locations.Code(g.Location) };
        }).ToList(), indexes.Select(i => (double)groups[i].Count).ToList());

        var result = GbdtTrainer.Train(Set(split.Train, true), new GbdtParameters
        {
            Objective = TrainingObjective.Poisson, NumIterations = 400, LearningRate = 0.05, NumLeaves = 15, MinDataInLeaf = 10,
            EarlyStoppingRounds = 30, CategoricalFeatures = ["role", "location"], MinDataPerGroup = 20, CatSmooth = 5, Seed = seed,
        }, Set(split.Validation, false));
        var test = Set(split.Test, false);
        var predictions = ModelEvaluation.Predict(result.Model, test).Select(p => p[0]).ToArray();
        var baseline = split.Test.Select(i => roleCounts.TryGetValue(groups[i].Role, out var c) ? (double)c.Sum / c.N : overall).ToArray();
        var metrics = new HeadcountMetrics(
            ModelMetrics.Regression(test.Labels, predictions), ModelMetrics.Regression(test.Labels, baseline),
            ModelMetrics.PoissonDeviance(test.Labels, predictions), ModelMetrics.PoissonDeviance(test.Labels, baseline), groups.Length);
        registry?.Save(name, result.ModelText, new Dictionary<string, double>
        {
            ["mae"] = metrics.Model.Mae, ["rmse"] = metrics.Model.Rmse, ["poisson_deviance"] = metrics.ModelDeviance,
            ["baseline_mae"] = metrics.Baseline.Mae, ["baseline_poisson_deviance"] = metrics.BaselineDeviance,
        }, new
        {
            kind = "headcount", features = Features, roles = roles.Values, locations = locations.Values, seed,
            role_mean_counts = roleCounts.Keys.ToDictionary(r => r, r => RoleMean(r, 0, inTrain: false), StringComparer.Ordinal),
        });
        return metrics;
    }
}

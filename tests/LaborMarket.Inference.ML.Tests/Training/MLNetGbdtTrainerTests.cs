using System.Globalization;
using LaborMarket.Files;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.ML.Training;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;
using LaborMarket.Inference.Registry;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using LaborMarket.Normalization.Seniority;
using Xunit.Abstractions;

namespace LaborMarket.Inference.ML.Tests.Training;

/// <summary>The seed models trained with ML.NET's LightGbm through one option, on the real H-1B sample.</summary>
public class MLNetGbdtTrainerTests(ITestOutputHelper output)
{
    private static readonly ModelTrainingOptions Options = new() { Trainer = MLNetGbdtTrainer.Default };
    private static readonly Lazy<JobRecord[]> Records = new(ReadH1b);

    [DataFact]
    public void SalaryModel_MLNetTrainer_EstimatesIntervalsAndLoadsTheSame()
    {
        var model = SalaryModel.Train(Records.Value, Options);
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);
        model.Save(registry, "salary");
        var loaded = SalaryModel.Load(registry, "salary");

        var m = model.Metrics!;
        output.WriteLine($"salary (ML.NET trainer, development-set figures): MAE {m.Model.Mae:N0} (baseline {m.Baseline.Mae:N0}), R2 {m.Model.R2:0.000}, P10-P90 coverage {m.IntervalCoverage:P1}");
        Assert.InRange(m.IntervalCoverage, 0.5, 0.95);
        Assert.Equal(m.Model.Mae < m.Baseline.Mae, m.BeatsBaseline);
        Assert.True(m.Model.R2 > 0, $"R2 {m.Model.R2}");
        foreach (var r in Records.Value.Take(100))
        {
            var e = model.Estimate(r);
            Assert.True(e.P10 < e.Median && e.Median < e.P90, $"{e}");
            Assert.Equal(e, loaded.Estimate(r));
        }
    }

    [DataFact]
    public void ArchetypeModel_MLNetTrainer_CallsBothClassesAndLoadsTheSame()
    {
        var model = ArchetypeModel.Train(Records.Value, Options);
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);
        model.Save(registry, "archetype");
        var loaded = ArchetypeModel.Load(registry, "archetype");

        var m = model.Metrics!;
        output.WriteLine($"archetype (ML.NET trainer): AUC {m.Test.Auc:0.000} (baseline {m.Baseline.Auc:0.000})");
        Assert.True(m.PredictsBothClasses);
        Assert.InRange(m.Test.Auc, 0.5, 1.0);
        Assert.Equal(m.Test.Auc > m.Baseline.Auc, m.BeatsBaseline);
        Assert.InRange(model.Predict("NO SUCH EMPLOYER LLC", "15-1132", SeniorityLevel.Senior, UsState.Parse("WY")).Probability, 0.0, 1.0);
        foreach (var r in Records.Value.Take(100))
        {
            Assert.Equal(model.Predict(r), loaded.Predict(r));
        }
    }

    [DataFact]
    public void HeadcountModel_MLNetTrainer_PredictsPositiveCountsAndLoadsTheSame()
    {
        var model = HeadcountModel.Train(Records.Value, Options);
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);
        model.Save(registry, "headcount");
        var loaded = HeadcountModel.Load(registry, "headcount");

        var m = model.Metrics!;
        output.WriteLine($"headcount (ML.NET trainer): Poisson deviance {m.ModelDeviance:0.000} (baseline {m.BaselineDeviance:0.000}), MAE {m.Model.Mae:0.00} (baseline {m.Baseline.Mae:0.00})");
        Assert.True(double.IsFinite(m.ModelDeviance) && m.ModelDeviance >= 0, $"deviance {m.ModelDeviance}");
        Assert.Equal(OutputTransform.Exp, LightGbmModel.Parse(new StringReader(model.ModelText)).Transform);
        Assert.True(model.Predict("NO SUCH EMPLOYER LLC", "99-9999") > 0);
        foreach (var r in Records.Value.Take(100))
        {
            var n = model.Predict(r.Employer, r.RoleId);
            Assert.True(n > 0);
            Assert.Equal(n, loaded.Predict(r.Employer, r.RoleId));
        }
    }

    [DataFact]
    public void Train_QuantileOnValidationRows_PutsAlphaOfThemBelow()
    {
        var salaries = Records.Value.Where(r => SalaryModel.IsPlausible(r.Salary)).ToArray();
        var set = TrainingSet.FromRows(["seniority", "state", "role"],
            salaries.Select(r => new double[] { (int)r.Seniority, r.State.Fips, double.Parse(r.Soc.ToString().Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) }).ToArray(),
            salaries.Select(r => r.Salary!.Value).ToArray());
        var split = DataSplit.Random(set.RowCount, seed: 5);
        var (train, valid) = (set.Subset(split.Train), set.Subset(split.Validation));

        var result = MLNetGbdtTrainer.Default.Train(train, new GbdtParameters { Objective = TrainingObjective.Quantile, Alpha = 0.2, NumIterations = 50, MinDataInLeaf = 10 }, valid);

        var predictions = ModelEvaluation.Predict(result.Model, valid);
        var below = Enumerable.Range(0, valid.RowCount).Count(i => valid.Labels[i] < predictions[i][0]);
        Assert.InRange(below / (double)valid.RowCount, 0.17, 0.23);
    }

    // The H-1B sample with its filed SOC code as the role (labelled, so no normalizer is needed).
    private static JobRecord[] ReadH1b()
    {
        using var reader = DelimitedTextReader.OpenFile(TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"), DelimitedTextOptions.Csv);
        var records = new List<JobRecord>();
        while (reader.Read())
        {
            var soc = reader.GetString(reader.Require("SOC_CODE_MAPPED"));
            if (SocCode.TryParse(soc, out var code) && JobRecords.TryParseState(reader.GetString(reader.Require("WORKSITE")), out var state))
            {
                double? pay = double.TryParse(reader.GetString(reader.Require("PREVAILING_WAGE")), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
                records.Add(new JobRecord(soc, code, SeniorityLevel.Mid, state, reader.GetString(reader.Require("EMPLOYER_NAME")), "h1b", pay));
            }
        }

        return [.. records];
    }
}

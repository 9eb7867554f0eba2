using System.Text.Json;

namespace LaborMarket.Cli.Tests.Pipeline;

public class PipelineCommandTests
{
    [DataFact]
    public async Task Pipeline_H1bSample_TrainsModelsBeatsTheBaselineAndFeedsProfile()
    {
        var work = Directory.CreateTempSubdirectory().FullName;
        var registry = Path.Combine(work, "registry");
        var output = Path.Combine(work, "out");

        var (code, stdout, error) = await CliRunner.RunAsync("pipeline", "--input", TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"),
            "--title-column", "JOB_TITLE", "--wage-column", "PREVAILING_WAGE", "--place-column", "WORKSITE", "--employer-column", "EMPLOYER_NAME",
            "--source", "h1b", "--data", TestData.DataPath(""), "--registry", registry, "--output", output);

        Assert.True(code == 0, error);
        Assert.Contains("matched", stdout, StringComparison.Ordinal);
        Assert.Contains("salary: MAE ", stdout, StringComparison.Ordinal);
        Assert.Matches(@"archetype: AUC [0-9.]+ \(baseline [0-9.]+\)", stdout);
        Assert.Matches(@"headcount: MAE [0-9.]+ \(baseline [0-9.]+\)", stdout);
        Assert.Matches(@"dropped \d+ rows: \d+ no role, \d+ no place; left out of the salary model: \d+ blank pay, \d+ implausible pay", stdout);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal(3467, root.GetProperty("normalization").GetProperty("rows").GetInt32());
        Assert.True(root.GetProperty("normalization").GetProperty("match_rate").GetDouble() > 0.85);
        var salary = root.GetProperty("salary");
        var mae = salary.GetProperty("model").GetProperty("mae").GetDouble();
        Assert.True(mae < salary.GetProperty("baseline").GetProperty("mae").GetDouble(), "the salary model should beat the median by role and state");
        Assert.InRange(salary.GetProperty("interval_coverage").GetDouble(), 0.6, 0.95);
        var archetype = root.GetProperty("archetype");
        Assert.True(archetype.GetProperty("test").GetProperty("auc").GetDouble() > 0.5);
        Assert.True(archetype.GetProperty("predicts_both_classes").GetBoolean());
        var beatsArchetype = archetype.GetProperty("beats_baseline").GetBoolean();
        Assert.Equal(archetype.GetProperty("test").GetProperty("auc").GetDouble() > archetype.GetProperty("baseline").GetProperty("auc").GetDouble(), beatsArchetype);
        Assert.Equal(!beatsArchetype, stdout.Contains("warning: the archetype model does not beat its baseline", StringComparison.Ordinal));
        Assert.Equal(!root.GetProperty("headcount").GetProperty("beats_baseline").GetBoolean(),
            stdout.Contains("warning: the headcount model does not beat its baseline", StringComparison.Ordinal));
        Assert.False(root.GetProperty("oews_comparison").GetProperty("skipped").GetBoolean());
        Assert.True(root.GetProperty("headcount").GetProperty("model_deviance").GetDouble() <= root.GetProperty("headcount").GetProperty("baseline_deviance").GetDouble());
        Assert.True(root.GetProperty("oews_comparison").GetProperty("rows_compared").GetInt32() > 2000);
        var predictions = await File.ReadAllLinesAsync(Path.Combine(output, "predictions.csv"));
        Assert.StartsWith("row,title,role,soc_code,seniority,state,salary,estimate_p10,estimate_median,estimate_p90", predictions[0], StringComparison.Ordinal);
        Assert.Equal(root.GetProperty("records").GetInt32() + 1, predictions.Length);

        // Each prediction names its source row (data rows from 1): the title there is the prediction's title.
        var source = await File.ReadAllLinesAsync(TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"));
        var titleColumn = Array.IndexOf(Csv.Split(source[0]), "JOB_TITLE");
        foreach (var line in predictions.Skip(1).Take(200))
        {
            var cells = Csv.Split(line);
            Assert.Equal(Csv.Split(source[int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture)])[titleColumn], cells[1]);
        }
        foreach (var name in new[] { "salary-p10", "salary-p50", "salary-p90", "archetype", "headcount" })
        {
            Assert.True(File.Exists(Path.Combine(registry, name, "1", "model.txt")), name);
        }

        // The headcount model reads each role's mean count: the registry keeps those means beside the model.
        using var headcountConfig = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(registry, "headcount", "1", "config.json")));
        var roleMeans = headcountConfig.RootElement.GetProperty("role_mean_counts").EnumerateObject().ToList();
        Assert.Equal(headcountConfig.RootElement.GetProperty("roles").GetArrayLength(), roleMeans.Count);
        Assert.All(roleMeans, p => Assert.InRange(p.Value.GetDouble(), 1.0, 50.0));

        var (profileCode, profile, profileError) = await CliRunner.RunAsync("profile", "Senior Software Engineer", "--place", "San Jose, CA",
            "--data", TestData.DataPath(""), "--model", "salary", "--registry", registry, "--format", "json");
        Assert.True(profileCode == 0, profileError);
        var estimate = JsonDocument.Parse(profile).RootElement.GetProperty("estimate");
        var (p10, median, p90) = (estimate.GetProperty("p10").GetDouble(), estimate.GetProperty("median").GetDouble(), estimate.GetProperty("p90").GetDouble());
        Assert.True(p10 <= median && median <= p90);
        Assert.InRange(median, 50_000, 250_000);
    }

    [Fact]
    public async Task Pipeline_WithoutAPlace_ExitsOne()
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory().FullName, "r.csv");
        await File.WriteAllTextAsync(csv, "title,pay\nNurse,80000\n");

        var (code, _, error) = await CliRunner.RunAsync("pipeline", "--input", csv, "--title-column", "title", "--wage-column", "pay", "--output", csv + ".out");

        Assert.Equal(1, code);
        Assert.Contains("--place", error, StringComparison.Ordinal);
    }

    [DataFact]
    public async Task Pipeline_WithoutOewsData_SaysTheComparisonWasSkipped()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");

        var (code, stdout, error) = await CliRunner.RunAsync("pipeline", "--input", TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"),
            "--title-column", "JOB_TITLE", "--wage-column", "PREVAILING_WAGE", "--place-column", "WORKSITE", "--output", output);

        Assert.True(code == 0, error);
        Assert.Contains("OEWS comparison skipped", stdout, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "metrics.json")));
        Assert.True(metrics.RootElement.GetProperty("oews_comparison").GetProperty("skipped").GetBoolean());
    }
}

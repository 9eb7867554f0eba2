using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LaborMarket.Bls.Fallback;
using LaborMarket.Cli.Hosting;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Registry;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Pipeline;

/// <summary>
/// <c>labormarket pipeline</c>: the whole path on a file of job records. Normalize every title, build
/// archetypes, train the salary model (and, with an employer column, the archetype and headcount models),
/// compare the salary estimates with OEWS medians for the same occupation and state, and write predictions
/// with intervals and every metric.
/// </summary>
internal static class PipelineCommand
{
    public static Command Create(CliConsole console)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "CSV of job records with a header.", Required = true };
        var titleColumn = new Option<string>("--title-column") { Description = "The raw job title column.", Required = true };
        var wageColumn = new Option<string>("--wage-column") { Description = "The annual pay column.", Required = true };
        var placeColumn = new Option<string?>("--place-column") { Description = "The worksite column (\"Tampa, FL\", \"SAN JOSE, CALIFORNIA\")." };
        var place = new Option<string?>("--place") { Description = "One place for every row, when the file has no place column (\"Chicago, IL\")." };
        var dateColumn = new Option<string?>("--date-column") { Description = "A date (or year) column: the models then train on the oldest 70 % and are tested on the newest 15 %." };
        var employerColumn = new Option<string?>("--employer-column") { Description = "The employer (or department) column: enables the archetype and headcount models." };
        var source = new Option<string?>("--source") { Description = "The data source's name (default: the file name)." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "OEWS files and crosswalks for the comparison (default: env LABORMARKET_DATA)." };
        var registry = new Option<DirectoryInfo?>("--registry") { Description = "Save the trained models in this model registry." };
        var seed = new Option<int>("--seed") { Description = "Seed for the splits.", DefaultValueFactory = _ => 42 };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder for predictions.csv and metrics.json.", Required = true };
        var command = new Command("pipeline", "Normalize a file of job records, train the salary, archetype and headcount models, compare with OEWS and write the results.")
        {
            input, titleColumn, wageColumn, placeColumn, place, employerColumn, dateColumn, source, data, registry, seed, outDir,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(input)!;
            if (parse.GetValue(placeColumn) is null && parse.GetValue(place) is null)
            {
                throw new CliUserException("pass --place-column NAME or --place \"CITY, ST\".");
            }

            var dataDir = parse.GetValue(data)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_DATA");
            using var host = CliHost.Build(services =>
            {
                services.AddLaborMarketNormalization();
                if (!string.IsNullOrWhiteSpace(dataDir))
                {
                    services.AddLaborMarketBls(o => o.DataDirectory = dataDir);
                }
            });
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            // 1. Read the records.
            var rows = ReadRows(file, parse.GetValue(titleColumn)!, parse.GetValue(wageColumn)!, parse.GetValue(placeColumn), parse.GetValue(place), parse.GetValue(employerColumn), parse.GetValue(dateColumn), console);
            var sourceName = parse.GetValue(source) ?? Path.GetFileNameWithoutExtension(file.Name);

            // 2. Normalize every title (each distinct title once).
            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();
            var distinct = rows.Select(r => r.Title).Distinct(StringComparer.Ordinal).ToArray();
            var progress = new ProgressLine(console, "normalize titles", distinct.Length);
            var matches = new Dictionary<string, TitleMatch>(StringComparer.Ordinal);
            for (var i = 0; i < distinct.Length; i++)
            {
                matches[distinct[i]] = normalizer.Normalize(distinct[i]);
                progress.Report(i + 1);
            }

            progress.Done(distinct.Length);
            var matchedRows = rows.Count(r => matches[r.Title].IsMatch);
            var matchedTitles = distinct.Count(t => matches[t].IsMatch);

            // 3. Archetypes: role | seniority | state.
            var records = new List<(Row Row, TitleMatch Match, JobRecord Record)>();
            int noRole = 0, noPlace = 0;
            foreach (var r in rows)
            {
                var m = matches[r.Title];
                if (m.Role is null)
                {
                    noRole++;
                    continue;
                }

                if (r.State is null)
                {
                    noPlace++;
                    continue;
                }

                records.Add((r, m, new JobRecord(m.Role.Id, m.Seniority.ToString().ToLowerInvariant(), r.State.Value.Code, r.Employer ?? "", sourceName, r.Wage, r.Date)));
            }

            var jobs = records.Select(x => x.Record).ToArray();
            var blankPay = jobs.Count(j => j.Salary is null);
            var implausiblePay = jobs.Count(j => j.Salary is not null && !SalaryModel.IsPlausible(j.Salary));
            var archetypes = jobs.GroupBy(j => j.Archetype, StringComparer.Ordinal).Count();

            // 4. Models.
            var models = new ProgressLine(console, "train models", null);
            var paid = jobs.Where(j => SalaryModel.IsPlausible(j.Salary)).ToArray();
            var split = parse.GetValue(dateColumn) is null ? DataSplit.Random(paid.Length, parse.GetValue(seed)) : DataSplit.ByTime(paid.Select(j => j.Date).ToArray());
            var trainingOptions = new ModelTrainingOptions { Seed = parse.GetValue(seed), Split = split };
            var salary = SalaryModel.Train(jobs, trainingOptions);
            var reg = parse.GetValue(registry) is { } regDir ? new ModelRegistry(regDir.FullName) : null;
            var salaryVersion = reg is null ? null : salary.Save(reg, "salary");
            ArchetypeMetrics? archetype = null;
            HeadcountMetrics? headcount = null;
            if (parse.GetValue(employerColumn) is not null)
            {
                var archetypeModel = ArchetypeModel.Train(jobs, trainingOptions);
                var headcountModel = HeadcountModel.Train(jobs, trainingOptions);
                archetype = archetypeModel.Metrics;
                headcount = headcountModel.Metrics;
                if (reg is not null)
                {
                    archetypeModel.Save(reg, "archetype");
                    headcountModel.Save(reg, "headcount");
                }
            }

            models.Done(jobs.Length);

            // 5. Predictions, beside OEWS medians for the same SOC code and state.
            var lookup = string.IsNullOrWhiteSpace(dataDir) ? null : host.Services.GetRequiredService<WageLookup>();
            var outFolder = Directory.CreateDirectory(parse.GetValue(outDir)!.FullName).FullName;
            var ratios = new List<double>();
            var predictionsFile = Path.Combine(outFolder, "predictions.csv");
            await using (var writer = new StreamWriter(predictionsFile, false, new UTF8Encoding(false)))
            {
                CsvText.WriteRow(writer, ["row", "title", "role", "soc_code", "seniority", "state", "salary", "estimate_p10", "estimate_median", "estimate_p90", "oews_annual_median", "oews_area"]);
                foreach (var (row, match, record) in records)
                {
                    var estimate = salary.Estimate(record);
                    var oews = lookup?.Find(match.SocCode!.Value, WageLocation.ForState(row.State!.Value));
                    var oewsMedian = oews?.AnnualMedian?.Value.Value;
                    if (oewsMedian is > 0)
                    {
                        ratios.Add(estimate.Median / oewsMedian.Value);
                    }

                    CsvText.WriteRow(writer, [row.Number.ToString(CultureInfo.InvariantCulture), row.Title, match.Role!.Id, match.SocCode.ToString(), record.Seniority, record.Location, Num(record.Salary),
                        Num(estimate.P10), Num(estimate.Median), Num(estimate.P90), Num(oewsMedian), oews?.Area?.ToString()]);
                }
            }

            // 6. Metrics.
            var metricsFile = Path.Combine(outFolder, "metrics.json");
            await using (var stream = File.Create(metricsFile))
            await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("source", sourceName);
                json.WriteStartObject("normalization");
                json.WriteNumber("rows", rows.Count);
                json.WriteNumber("matched_rows", matchedRows);
                json.WriteNumber("match_rate", Math.Round(matchedRows / (double)Math.Max(1, rows.Count), 4));
                json.WriteNumber("distinct_titles", distinct.Length);
                json.WriteNumber("matched_titles", matchedTitles);
                json.WriteNumber("title_match_rate", Math.Round(matchedTitles / (double)Math.Max(1, distinct.Length), 4));
                json.WriteEndObject();
                json.WriteNumber("records", jobs.Length);
                json.WriteNumber("records_without_role_or_state", noRole + noPlace); // the older totals of dropped_rows and left_out_of_salary_model
                json.WriteStartObject("dropped_rows");
                json.WriteNumber("no_role", noRole);
                json.WriteNumber("no_place", noPlace);
                json.WriteEndObject();
                json.WriteStartObject("left_out_of_salary_model");
                json.WriteNumber("blank_pay", blankPay);
                json.WriteNumber("implausible_pay", implausiblePay);
                json.WriteEndObject();
                json.WriteNumber("records_with_implausible_pay", blankPay + implausiblePay);
                json.WriteNumber("archetypes", archetypes);
                if (salary.Metrics is { } m)
                {
                    json.WriteStartObject("salary");
                    Regression(json, "model", m.Model);
                    Regression(json, "baseline_median_by_role_and_state", m.Baseline);
                    json.WriteNumber("interval_coverage_p10_p90", Math.Round(m.IntervalCoverage, 4));
                    json.WriteBoolean("beats_baseline", m.BeatsBaseline);
                    json.WriteNumber("train_rows", m.TrainRows);
                    json.WriteNumber("test_rows", m.TestRows);
                    if (salaryVersion is not null)
                    {
                        json.WriteString("registry_version", salaryVersion);
                    }

                    json.WriteEndObject();
                }

                if (archetype is not null)
                {
                    json.WriteStartObject("archetype");
                    json.WriteNumber("auc", Math.Round(archetype.Test.Auc, 4));
                    json.WriteNumber("accuracy", Math.Round(archetype.Test.Accuracy, 4));
                    json.WriteNumber("precision", Math.Round(archetype.Test.Precision, 4));
                    json.WriteNumber("recall", Math.Round(archetype.Test.Recall, 4));
                    json.WriteNumber("f1", Math.Round(archetype.Test.F1, 4));
                    json.WriteNumber("threshold", Math.Round(archetype.Threshold, 4));
                    json.WriteStartObject("baseline_archetype_frequency");
                    json.WriteNumber("auc", Math.Round(archetype.Baseline.Auc, 4));
                    json.WriteNumber("accuracy", Math.Round(archetype.Baseline.Accuracy, 4));
                    json.WriteNumber("f1", Math.Round(archetype.Baseline.F1, 4));
                    json.WriteEndObject();
                    json.WriteBoolean("beats_baseline", archetype.BeatsBaseline);
                    json.WriteBoolean("predicts_both_classes", archetype.PredictsBothClasses);
                    json.WriteNumber("pairs", archetype.Positives);
                    json.WriteEndObject();
                }

                if (headcount is not null)
                {
                    json.WriteStartObject("headcount");
                    Regression(json, "model", headcount.Model);
                    Regression(json, "baseline_mean_by_role", headcount.Baseline);
                    json.WriteNumber("poisson_deviance", Math.Round(headcount.ModelDeviance, 4));
                    json.WriteNumber("baseline_poisson_deviance", Math.Round(headcount.BaselineDeviance, 4));
                    json.WriteBoolean("beats_baseline", headcount.BeatsBaseline);
                    json.WriteNumber("groups", headcount.Groups);
                    json.WriteEndObject();
                }

                json.WriteStartObject("oews_comparison");
                json.WriteBoolean("skipped", lookup is null);
                json.WriteNumber("rows_compared", ratios.Count);
                if (ratios.Count > 0)
                {
                    ratios.Sort();
                    json.WriteNumber("median_ratio_estimate_to_oews", Math.Round(ratios[ratios.Count / 2], 4));
                    json.WriteNumber("share_within_25_percent", Math.Round(ratios.Count(r => r is >= 0.75 and <= 1.25) / (double)ratios.Count, 4));
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            foreach (var line in Summary(rows.Count, matchedRows, jobs.Length, archetypes, noRole, noPlace, blankPay, implausiblePay, salary.Metrics, archetype, headcount, lookup is null, ratios.Count))
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"wrote {predictionsFile} and {metricsFile}").ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private sealed record Row(long Number, string Title, double? Wage, UsState? State, string? Employer, DateOnly? Date);

    // The stdout summary: every metric beside its baseline, rows dropped by reason, and a warning line for a model that
    // does not beat its baseline or calls every pair the same.
    private static IEnumerable<string> Summary(int rows, int matched, int records, int archetypes, int noRole, int noPlace, int blankPay, int implausiblePay,
        SalaryMetrics? salary, ArchetypeMetrics? archetype, HeadcountMetrics? headcount, bool oewsSkipped, int compared)
    {
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"{rows} rows, {matched / (double)Math.Max(1, rows):P1} matched; {records} records, {archetypes} archetypes");
        yield return string.Create(c, $"dropped {noRole + noPlace} rows: {noRole} no role, {noPlace} no place; left out of the salary model: {blankPay} blank pay, {implausiblePay} implausible pay");
        if (salary is not null)
        {
            yield return string.Create(c,
                $"salary: MAE {salary.Model.Mae:N0} (baseline {salary.Baseline.Mae:N0}), R2 {salary.Model.R2:0.000} (baseline {salary.Baseline.R2:0.000}), MAPE {salary.Model.Mape:P1} (baseline {salary.Baseline.Mape:P1}), P10-P90 coverage {salary.IntervalCoverage:P0} (target 80 %)");
            if (!salary.BeatsBaseline)
            {
                yield return "warning: the salary model does not beat its baseline (median by role and state) on MAE";
            }
        }

        if (archetype is not null)
        {
            yield return string.Create(c,
                $"archetype: AUC {archetype.Test.Auc:0.000} (baseline {archetype.Baseline.Auc:0.000}), F1 {archetype.Test.F1:0.000} (baseline {archetype.Baseline.F1:0.000}), accuracy {archetype.Test.Accuracy:0.000} (baseline {archetype.Baseline.Accuracy:0.000}) at threshold {archetype.Threshold:0.000}");
            if (!archetype.BeatsBaseline)
            {
                yield return "warning: the archetype model does not beat its baseline (archetype frequency) on AUC";
            }

            if (!archetype.PredictsBothClasses)
            {
                yield return "warning: the archetype model predicts one class for every held-out pair";
            }
        }

        if (headcount is not null)
        {
            yield return string.Create(c,
                $"headcount: MAE {headcount.Model.Mae:0.00} (baseline {headcount.Baseline.Mae:0.00}), Poisson deviance {headcount.ModelDeviance:0.000} (baseline {headcount.BaselineDeviance:0.000})");
            if (!headcount.BeatsBaseline)
            {
                yield return "warning: the headcount model does not beat its baseline (mean count by role) on both Poisson deviance and MAE";
            }
        }

        yield return oewsSkipped
            ? "OEWS comparison skipped: no OEWS data (pass --data or set LABORMARKET_DATA)"
            : string.Create(c, $"OEWS comparison: {compared} rows compared");
    }

    private static List<Row> ReadRows(FileInfo file, string titleColumn, string wageColumn, string? placeColumn, string? place, string? employerColumn, string? dateColumn, CliConsole console)
    {
        using var reader = new StreamReader(file.FullName);
        var csv = new CsvReader(reader, file.Name);
        var header = csv.ReadRecord() ?? throw new CliUserException($"{file.Name} is empty: expected a header row.");
        int Column(string? name) => name is null ? -1 : header.FindIndex(h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i : throw new CliUserException($"{file.Name} has no column '{name}' (columns: {string.Join(", ", header)}).");
        var (t, w, p, e, d) = (Column(titleColumn), Column(wageColumn), Column(placeColumn), Column(employerColumn), Column(dateColumn));
        UsState? fixedState = place is null ? null : StateOf(place) ?? throw new CliUserException($"'{place}' names no US state.");
        var rows = new List<Row>();
        var progress = new ProgressLine(console, "read records", null);
        while (csv.ReadRecord() is { } record)
        {
            string? Cell(int c) => c >= 0 && c < record.Count ? record[c] : null;
            double? wage = double.TryParse(Cell(w)?.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
            rows.Add(new Row(rows.Count + 1, Cell(t) ?? "", wage, fixedState ?? StateOf(Cell(p)), Cell(e), DateOf(Cell(d))));
            progress.Report(rows.Count);
        }

        progress.Done(rows.Count);
        return rows;
    }

    // A date, or a bare year (as the H-1B files give it), read as that year's first day.
    private static DateOnly? DateOf(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var date) ? date
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? new DateOnly(year, 1, 1)
        : null;

    private static UsState? StateOf(string? place) =>
        WorksiteLocation.TryParse(place, out var location) ? location.State
        : place is not null && place.LastIndexOf(',') is var comma and > 0 && UsState.TryParse(place.AsSpan(comma + 1).Trim(), out var s) ? s
        : null;

    private static void Regression(Utf8JsonWriter json, string name, LaborMarket.Inference.Evaluation.RegressionMetrics m)
    {
        json.WriteStartObject(name);
        json.WriteNumber("mae", Math.Round(m.Mae, 2));
        json.WriteNumber("rmse", Math.Round(m.Rmse, 2));
        json.WriteNumber("r2", Math.Round(m.R2, 4));
        json.WriteNumber("mape", Math.Round(m.Mape, 4));
        json.WriteEndObject();
    }

    private static string Num(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "";
}

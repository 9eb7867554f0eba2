using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LaborMarket.Bls.Fallback;
using LaborMarket.Cli.Hosting;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;
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
        var outDir = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for predictions.csv and metrics.json.", Required = true };
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

            // 1. Read the rows.
            var rows = ReadRows(file, parse.GetValue(titleColumn)!, parse.GetValue(wageColumn)!, parse.GetValue(placeColumn), parse.GetValue(employerColumn), parse.GetValue(dateColumn), console);
            var sourceName = parse.GetValue(source) ?? Path.GetFileNameWithoutExtension(file.Name);
            UsState? fixedState = null;
            if (parse.GetValue(place) is { } onePlace)
            {
                fixedState = JobRecords.TryParseState(onePlace, out var s) ? s : throw new CliUserException($"'{onePlace}' names no US state.");
            }

            // 2. Normalize every title (each distinct title once) and build the records: role, SOC code, seniority, state.
            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();
            var progress = new ProgressLine(console, "normalize titles", null);
            var batch = JobRecords.FromRows(rows, normalizer, new JobRecordOptions { Source = sourceName, State = fixedState }, new Progress(progress));
            progress.Done(batch.DistinctTitles);
            var jobs = batch.Records;
            var archetypes = jobs.Select(j => (j.RoleId, j.Seniority, j.State)).Distinct().Count();

            // 3. Models.
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

            models.Done(jobs.Count);

            // 4. Predictions, beside OEWS medians for the same SOC code and state.
            var lookup = string.IsNullOrWhiteSpace(dataDir) ? null : host.Services.GetRequiredService<WageLookup>();
            var outFolder = Directory.CreateDirectory(parse.GetValue(outDir)!.FullName).FullName;
            var ratios = new List<double>();
            var predictionsFile = Path.Combine(outFolder, "predictions.csv");
            await using (var writer = new StreamWriter(predictionsFile, false, new UTF8Encoding(false)))
            {
                CsvText.WriteRow(writer, ["row", "title", "role", "soc_code", "seniority", "state", "salary", "estimate_p10", "estimate_median", "estimate_p90", "oews_annual_median", "oews_area"]);
                for (var i = 0; i < jobs.Count; i++)
                {
                    var (record, row) = (jobs[i], batch.SourceRows[i]);
                    var estimate = salary.Estimate(record);
                    var oews = lookup?.Find(record.Soc, WageLocation.ForState(record.State));
                    var oewsMedian = oews?.AnnualMedian?.Value.Value;
                    if (oewsMedian is > 0)
                    {
                        ratios.Add(estimate.Median / oewsMedian.Value);
                    }

                    CsvText.WriteRow(writer, [(row + 1).ToString(CultureInfo.InvariantCulture), rows[row].Title, record.RoleId, record.Soc.ToString(),
                        JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Seniority.ToString()), record.State.Code, Num(record.Salary),
                        Num(estimate.P10), Num(estimate.Median), Num(estimate.P90), Num(oewsMedian), oews?.Area?.ToString()]);
                }
            }

            // 5. Metrics: the library's results through its serializer context (snake_case), beside the pipeline's counts.
            var metricsFile = Path.Combine(outFolder, "metrics.json");
            var metrics = PipelineMetrics.Create(sourceName, batch, archetypes, salary.Metrics, salaryVersion, archetype, headcount, lookup is null, ratios);
            await using (var stream = File.Create(metricsFile))
            await using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                metrics.WriteTo(json);
            }

            foreach (var line in Summary(batch.Rows, batch.MatchedRows, jobs.Count, archetypes, batch.NoRole, batch.NoPlace, batch.BlankPay, batch.ImplausiblePay, salary.Metrics, archetype, headcount, lookup is null, ratios.Count))
            {
                await console.Out.WriteLineAsync(line).ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync($"wrote {predictionsFile} and {metricsFile}").ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // Tells the progress line how many distinct titles are normalized so far.
    private sealed class Progress(ProgressLine line) : IProgress<int>
    {
        public void Report(int value) => line.Report(value);
    }

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

    private static List<RawJobRow> ReadRows(FileInfo file, string titleColumn, string wageColumn, string? placeColumn, string? employerColumn, string? dateColumn, CliConsole console)
    {
        using var reader = new StreamReader(file.FullName);
        var csv = new CsvReader(reader, file.Name);
        var header = csv.ReadRecord() ?? throw new CliUserException($"{file.Name} is empty: expected a header row.");
        int Column(string? name) => name is null ? -1 : header.FindIndex(h => h.Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) is var i and >= 0
            ? i : throw new CliUserException($"{file.Name} has no column '{name}' (columns: {string.Join(", ", header)}).");
        var (t, w, p, e, d) = (Column(titleColumn), Column(wageColumn), Column(placeColumn), Column(employerColumn), Column(dateColumn));
        var rows = new List<RawJobRow>();
        var progress = new ProgressLine(console, "read records", null);
        while (csv.ReadRecord() is { } record)
        {
            string? Cell(int c) => c >= 0 && c < record.Count ? record[c] : null;
            double? wage = double.TryParse(Cell(w)?.Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
            rows.Add(new RawJobRow(Cell(t) ?? "", Cell(p), wage, Cell(e), DateOf(Cell(d))));
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

    private static string Num(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "";
}

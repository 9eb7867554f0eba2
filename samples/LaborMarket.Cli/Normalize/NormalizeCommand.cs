using System.CommandLine;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary><c>labormarket normalize</c>: raw titles to role, seniority and SOC codes.</summary>
internal static class NormalizeCommand
{
    public static Command Create(CliConsole console)
    {
        var titles = new Argument<string[]>("titles") { Description = "Titles to normalize (else --input, else one title per line on stdin).", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<string?>("--input", "-i") { Description = "A CSV file with a header row ('-' for stdin). Its other columns are kept in the output, after the results." };
        var column = new Option<string?>("--column", "-c") { Description = "The column of --input (or of CSV on stdin) that holds the titles." };
        var onetDb = new Option<DirectoryInfo?>("--onet-db") { Description = "O*NET database text release (folder) to add all O*NET titles." };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "A JSON role catalog merged over the embedded one." };
        var top = new Option<int>("--top", "-k") { Description = "Candidates to keep per title (1-50).", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f")
        {
            Description = "csv (row, input, results, then the input's other columns), json (one array), jsonl (one object per line) or table. All stream.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json", "jsonl", "table");
        var output = new Option<string?>("--output", "-o") { Description = "Write here ('-' for stdout, the default); the file appears only when the run succeeds." };
        var force = new Option<bool>("--force") { Description = "Replace --output if it exists." };
        var report = new Option<bool>("--report-unmatched") { Description = "After the results, report coverage, rows needing review and frequent unmatched words on stderr." };

        var command = new Command("normalize", "Normalize raw job titles to a canonical role, seniority and SOC / O*NET-SOC code. Each output row carries 'row', the 1-based position of its input row (header not counted), to join back on.")
        {
            titles, input, column, onetDb, catalog, top, format, output, force, report,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = parse.GetValue(top);
            if (k is < 1 or > 50)
            {
                throw new CliUsageException("--top must be between 1 and 50");
            }

            var given = parse.GetValue(titles) ?? [];
            var inputPath = parse.GetValue(input);
            var columnName = parse.GetValue(column);
            TitleInputs.Check(given, inputPath, columnName, console);

            var outputPath = parse.GetValue(output);
            OutputFile.Check(outputPath, "--output", [inputPath, parse.GetValue(catalog)?.FullName], parse.GetValue(force));

            using var host = CliHost.Build(services => services.AddLaborMarketNormalization(o =>
            {
                o.CatalogPath = parse.GetValue(catalog)?.FullName;
                o.OnetDatabasePath = parse.GetValue(onetDb)?.FullName;
                o.TopK = k;

                // csv keeps its own formatted results and json explains every row (never cached): only the table reads
                // the normalizer's cache, which otherwise holds every distinct title for nothing (memory and GC time).
                o.CacheSize = parse.GetValue(format) == "table" ? o.CacheSize : 0;
            }));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();

            using var inputReader = inputPath is not null && !CliPaths.IsStandard(inputPath)
                ? new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 })
                : null;
            var source = given.Length > 0 ? TitleSource.FromTitles(given)
                : inputReader is not null ? TitleSource.FromCsv(inputReader, Path.GetFileName(inputPath!), columnName)
                : inputPath is not null || columnName is not null ? TitleSource.FromCsv(console.In, "stdin", columnName)
                : TitleSource.FromLines(console.In);

            var formatName = parse.GetValue(format)!;
            var pipeline = new NormalizePipeline(normalizer, MatchFormat.Create(formatName, normalizer, k, source.KeptColumns), parse.GetValue(report) ? 100_000 : 0);
            var progress = new ProgressLine(console, "normalizing");
            await using var target = OutputFile.Open(outputPath, console.Out);
            var totals = await pipeline.RunAsync(source, target.Writer, progress, cancellationToken).ConfigureAwait(false);
            await target.CommitAsync().ConfigureAwait(false);
            progress.Done(totals.Rows);

            if (parse.GetValue(report))
            {
                WriteReport(normalizer.Analyze(totals.Unmatched), totals, console.Error);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteReport(TitleBatchReport unmatched, NormalizePipeline.NormalizeTotals totals, TextWriter error)
    {
        var total = totals.Rows;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage: {totals.Matched:N0} of {total:N0} titles matched ({(total == 0 ? 0 : 100.0 * totals.Matched / total):0.0}%); "
            + $"{totals.NeedsReview:N0} rows need review (needs_review = true: {total - totals.Matched:N0} unmatched, {totals.NeedsReview - (total - totals.Matched):N0} matched with low confidence)"));
        error.WriteLine(totals.UnmatchedCut
            ? "most frequent words in unmatched titles (counted over the first 100,000):"
            : "most frequent words in unmatched titles:");
        foreach (var t in unmatched.TopUnmatchedWords)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Term,-24} {t.Count,7:N0}  e.g. {string.Join(" | ", t.Examples)}"));
        }

        error.WriteLine("most frequent word pairs in unmatched titles:");
        foreach (var t in unmatched.TopUnmatchedBigrams)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {t.Term,-24} {t.Count,7:N0}  e.g. {string.Join(" | ", t.Examples)}"));
        }
    }
}

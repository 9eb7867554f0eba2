using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LaborMarket.Cli.Hosting;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Normalize;

/// <summary><c>labormarket normalize</c>: raw titles to role, seniority and SOC codes.</summary>
internal static class NormalizeCommand
{
    private static readonly string[] CsvHeader =
        ["input", "role_id", "role", "family", "seniority", "soc_code", "onet_soc_code", "confidence", "needs_review", "matched_by", "matched_text", "candidates"];

    public static Command Create(CliConsole console)
    {
        var titles = new Argument<string[]>("titles") { Description = "Titles to normalize (else --input, else one title per line on stdin).", Arity = ArgumentArity.ZeroOrMore };
        var input = new Option<FileInfo?>("--input", "-i") { Description = "A CSV file with a header row." };
        var column = new Option<string?>("--column", "-c") { Description = "The column of --input (or of CSV on stdin) that holds the titles." };
        var onetDb = new Option<DirectoryInfo?>("--onet-db") { Description = "O*NET database text release (folder) to add all O*NET titles." };
        var catalog = new Option<FileInfo?>("--catalog") { Description = "A JSON role catalog merged over the embedded one." };
        var top = new Option<int>("--top", "-k") { Description = "Candidates to keep per title (1-50).", DefaultValueFactory = _ => 1 };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "table");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write here instead of stdout." };
        var report = new Option<bool>("--report-unmatched") { Description = "After the results, report coverage and frequent unmatched words on stderr." };

        var command = new Command("normalize", "Normalize raw job titles to a canonical role, seniority and SOC / O*NET-SOC code.")
        {
            titles, input, column, onetDb, catalog, top, format, output, report,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = parse.GetValue(top);
            if (k is < 1 or > 50)
            {
                throw new CliUserException("--top must be between 1 and 50.");
            }

            using var host = CliHost.Build(services => services.AddLaborMarketNormalization(o =>
            {
                o.CatalogPath = parse.GetValue(catalog)?.FullName;
                o.OnetDatabasePath = parse.GetValue(onetDb)?.FullName;
                o.TopK = Math.Max(k, 1);
            }));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();

            var writer = parse.GetValue(output) is { } file
                ? new StreamWriter(file.FullName, append: false, new UTF8Encoding(false))
                : console.Out;
            try
            {
                var source = ReadTitles(parse.GetValue(titles) ?? [], parse.GetValue(input), parse.GetValue(column), console);
                var unmatched = parse.GetValue(report) ? new List<string?>() : null;
                var count = await WriteAsync(normalizer, source, parse.GetValue(format)!, k, writer, console, unmatched, cancellationToken).ConfigureAwait(false);
                if (unmatched is not null)
                {
                    WriteReport(normalizer.Analyze(unmatched), count, console.Error);
                }
            }
            finally
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(writer, console.Out))
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static IEnumerable<string> ReadTitles(string[] args, FileInfo? input, string? column, CliConsole console)
    {
        if (args.Length > 0)
        {
            return args;
        }

        if (input is not null)
        {
            if (!input.Exists)
            {
                throw new CliUserException($"input file '{input.FullName}' does not exist.");
            }

            return ReadColumn(new StreamReader(input.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true), input.Name, column, dispose: true);
        }

        return column is null ? ReadLines(console.In) : ReadColumn(console.In, "stdin", column, dispose: false);
    }

    private static IEnumerable<string> ReadLines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static IEnumerable<string> ReadColumn(TextReader reader, string source, string? column, bool dispose)
    {
        try
        {
            var csv = new CsvReader(reader, source);
            var header = csv.ReadRecord() ?? throw new CliUserException($"{source} is empty: expected a header row.");
            header[0] = header[0].TrimStart('\uFEFF');
            int index;
            if (column is null)
            {
                index = header.Count == 1 ? 0
                    : throw new CliUserException($"{source} has {header.Count} columns; name one with --column ({string.Join(", ", header)}).");
            }
            else
            {
                index = header.FindIndex(h => h.Trim().Equals(column, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    throw new CliUserException($"{source} has no column '{column}' (columns: {string.Join(", ", header)}).");
                }
            }

            while (csv.ReadRecord() is { } record)
            {
                // A short row keeps its place in the output as an empty title rather than disappearing.
                yield return index < record.Count ? record[index] : "";
            }
        }
        finally
        {
            if (dispose)
            {
                reader.Dispose();
            }
        }
    }

    private static async Task<long> WriteAsync(TitleNormalizer normalizer, IEnumerable<string> titles, string format, int top,
        TextWriter writer, CliConsole console, List<string?>? unmatched, CancellationToken cancellationToken)
    {
        var progress = new ProgressLine(console, "normalizing");
        long count = 0;
        var table = format == "table" ? new List<TitleMatch>() : null;
        Utf8JsonWriter? json = null;
        MemoryStream? jsonBuffer = null;
        if (format == "csv")
        {
            CsvText.WriteRow(writer, CsvHeader);
        }
        else if (format == "json")
        {
            jsonBuffer = new MemoryStream();
            json = new Utf8JsonWriter(jsonBuffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
        }

        foreach (var title in titles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var m = normalizer.Normalize(title, top);
            count++;
            if (!m.IsMatch)
            {
                unmatched?.Add(title);
            }

            switch (format)
            {
                case "csv":
                    CsvText.WriteRow(writer, Row(m, top));
                    break;
                case "json":
                    WriteJson(json!, m);
                    if (jsonBuffer!.Length > 1 << 16)
                    {
                        await FlushJsonAsync(json!, jsonBuffer, writer).ConfigureAwait(false);
                    }

                    break;
                default:
                    table!.Add(m);
                    break;
            }

            progress.Report(count);
        }

        if (json is not null)
        {
            json.WriteEndArray();
            await FlushJsonAsync(json, jsonBuffer!, writer).ConfigureAwait(false);
            await writer.WriteLineAsync().ConfigureAwait(false);
            await json.DisposeAsync().ConfigureAwait(false);
        }

        if (table is not null)
        {
            WriteTable(writer, table);
        }

        progress.Done(count);
        return count;
    }

    private static async Task FlushJsonAsync(Utf8JsonWriter json, MemoryStream buffer, TextWriter writer)
    {
        await json.FlushAsync().ConfigureAwait(false);
        await writer.WriteAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        buffer.SetLength(0);
    }

    // The candidates column lists the runners-up: with one candidate kept there are none, and the result's account
    // (worked out again when read) is not asked for.
    private static string?[] Row(TitleMatch m, int top) =>
    [
        m.Input,
        m.Role?.Id,
        m.Role?.Name,
        m.Role?.Family,
        Seniority(m),
        m.SocCode?.ToString(),
        m.OnetSocCode?.ToString(),
        m.Confidence.ToString("0.####", CultureInfo.InvariantCulture),
        m.NeedsReview ? "true" : "false",
        Method(m.MatchedBy),
        m.MatchedText,
        top == 1 ? "" : string.Join(';', m.Candidates.Skip(1).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Role.Id}:{c.Role.Soc}:{c.Score:0.###}"))),
    ];

    private static void WriteJson(Utf8JsonWriter json, TitleMatch m)
    {
        json.WriteStartObject();
        json.WriteString("input", m.Input);
        json.WriteString("cleaned_title", m.CleanedTitle);
        json.WriteString("role_id", m.Role?.Id);
        json.WriteString("role", m.Role?.Name);
        json.WriteString("family", m.Role?.Family);
        json.WriteString("seniority", Seniority(m));
        json.WriteString("soc_code", m.SocCode?.ToString());
        json.WriteString("onet_soc_code", m.OnetSocCode?.ToString());
        json.WriteNumber("confidence", m.Confidence);
        json.WriteBoolean("needs_review", m.NeedsReview);
        json.WriteString("matched_by", Method(m.MatchedBy));
        json.WriteString("matched_text", m.MatchedText);
        json.WriteString("explanation", m.Explanation);
        json.WriteStartArray("candidates");
        foreach (var c in m.Candidates)
        {
            json.WriteStartObject();
            json.WriteString("role_id", c.Role.Id);
            json.WriteString("role", c.Role.Name);
            json.WriteString("soc_code", c.Role.Soc.ToString());
            json.WriteNumber("score", c.Score);
            json.WriteString("matched_text", c.MatchedText);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTable(TextWriter writer, List<TitleMatch> rows)
    {
        string?[] header = ["input", "role", "seniority", "soc", "onet_soc", "conf", "review", "matched_by"];
        var cells = rows.Select(m => new[]
        {
            m.Input, m.Role?.Name ?? "(unmatched)", Seniority(m), m.SocCode?.ToString() ?? "", m.OnetSocCode?.ToString() ?? "",
            m.Confidence.ToString("0.00", CultureInfo.InvariantCulture), m.NeedsReview ? "yes" : "", Method(m.MatchedBy),
        }).ToList();
        var widths = header.Select((h, i) => Math.Min(48, Math.Max(h!.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length)))).ToArray();
        void Line(IReadOnlyList<string?> values) =>
            writer.WriteLine(string.Join("  ", values.Select((v, i) => Fit(v ?? "", widths[i]))).TrimEnd());
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var c in cells)
        {
            Line(c);
        }
    }

    private static string Fit(string value, int width) =>
        value.Length > width ? string.Concat(value.AsSpan(0, width - 1), "…") : value.PadRight(width);

    private static void WriteReport(TitleBatchReport unmatched, long total, TextWriter error)
    {
        var matched = total - unmatched.Total;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"coverage: {matched:N0} of {total:N0} titles matched ({(total == 0 ? 0 : 100.0 * matched / total):0.0}%)"));
        error.WriteLine("most frequent words in unmatched titles:");
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

    private static string Seniority(TitleMatch m) => m.Seniority switch
    {
        Normalization.Seniority.SeniorityLevel.VicePresident => "vice_president",
        var s => s.ToString().ToLowerInvariant(),
    };

    private static string Method(MatchMethod method) => method switch
    {
        MatchMethod.ExactAlias => "exact_alias",
        MatchMethod.WordSet => "word_set",
        MatchMethod.TokenScore => "token_score",
        MatchMethod.Fuzzy => "fuzzy",
        _ => "none",
    };
}

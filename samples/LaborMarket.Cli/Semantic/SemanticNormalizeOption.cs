using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Cli.Normalize;
using LaborMarket.Embeddings;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Cli.Semantic;

/// <summary>
/// <c>labormarket normalize --semantic</c>: the same CSV columns, with codes chosen from lexical and semantic evidence
/// together (needs <c>--onet-db</c>). Without the flag the command runs as before.
/// </summary>
internal static class SemanticNormalizeOption
{
    // Rows read, normalized and written at a time.
    private const int ChunkRows = 20_000;

    private static readonly string[] CsvHeader =
        ["row", "input", "role_id", "role", "family", "seniority", "soc_code", "onet_soc_code", "confidence", "needs_review", "matched_by", "matched_text", "candidates"];

    public static void Attach(Command normalize, CliConsole console)
    {
        var semantic = new Option<bool>("--semantic") { Description = "Add semantic evidence (sentence embeddings of O*NET's titles; needs --onet-db). CSV output." };
        var cache = SemanticHost.CacheOption();
        normalize.Options.Add(semantic);
        normalize.Options.Add(cache);
        var lexical = normalize.Action;
        normalize.SetAction(async (parse, cancellationToken) =>
        {
            if (!parse.GetValue(semantic))
            {
                return lexical switch
                {
                    AsynchronousCommandLineAction a => await a.InvokeAsync(parse, cancellationToken).ConfigureAwait(false),
                    SynchronousCommandLineAction s => s.Invoke(parse),
                    _ => ExitCodes.Success,
                };
            }

            return await RunAsync(parse, cache, console, cancellationToken).ConfigureAwait(false);
        });
    }

    private static async Task<int> RunAsync(ParseResult parse, Option<DirectoryInfo?> cache, CliConsole console, CancellationToken cancellationToken)
    {
        var onetDb = parse.GetValue<DirectoryInfo?>("--onet-db") ?? throw new CliUserException("--semantic needs --onet-db (an O*NET database text release).");
        if (parse.GetValue<string>("--format") is { } format && format != "csv")
        {
            throw new CliUserException("--semantic writes CSV only.");
        }

        var top = SemanticHost.Top(parse.GetValue<int>("--top"), max: 50);
        var inputPath = parse.GetValue<string?>("--input");
        var column = parse.GetValue<string?>("--column");
        var given = parse.GetValue<string[]>("titles") ?? [];
        TitleInputs.Check(given, inputPath, column, console);

        var outputPath = parse.GetValue<string?>("--output");
        OutputFile.Check(outputPath, "--output", [inputPath], parse.GetValue<bool>("--force"));

        // Every input row gives one output row (a blank title an unmatched one), numbered as the lexical command numbers
        // them, with the input's other columns after the results. Rows are read, normalized and written a chunk at a
        // time, so memory does not grow with the input; the normalizer's caches carry across chunks.
        using var file = inputPath is not null && !CliPaths.IsStandard(inputPath)
            ? new StreamReader(inputPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true) : null;
        var table = given.Length > 0 ? CorpusTable.FromTitles(given)
            : file is not null ? CorpusFile.Open(file, Path.GetFileName(inputPath!), column)
            : inputPath is not null || column is not null ? CorpusFile.Open(console.In, "stdin", column)
            : CorpusTable.FromTitles(Lines(console.In));

        using var host = await SemanticHost.StartAsync(onetDb, parse.GetValue(cache), cancellationToken).ConfigureAwait(false);
        var normalizer = await host.Services.GetRequiredService<OnetSemanticServices>()
            .GetTitleNormalizerAsync(SemanticHost.Progress(console), cancellationToken).ConfigureAwait(false);

        await using (var target = OutputFile.Open(outputPath, console.Out))
        {
            CsvText.WriteRow(target.Writer, [.. CsvHeader, .. table.KeptColumns]);
            var row = 0;
            foreach (var chunk in table.Rows.Chunk(ChunkRows))
            {
                var results = await normalizer.NormalizeAllAsync([.. chunk.Select(r => r.Title)], top, SemanticHost.Progress(console), cancellationToken)
                    .ConfigureAwait(false);
                for (var i = 0; i < results.Count; i++)
                {
                    CsvText.WriteRow(target.Writer, [.. Row(++row, results[i], top), .. chunk[i].Kept]);
                }
            }

            await target.CommitAsync().ConfigureAwait(false);
        }

        await host.StopAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static IEnumerable<string> Lines(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static string?[] Row(int row, SemanticTitleMatch m, int top) =>
    [
        row.ToString(CultureInfo.InvariantCulture),
        m.Input,
        m.Role?.Id,
        m.Role?.Name ?? (m.Candidates.Count > 0 ? m.Candidates[0].Title : null),
        m.Role?.Family,
        m.Lexical.Match.Seniority == Normalization.Seniority.SeniorityLevel.VicePresident ? "vice_president" : m.Lexical.Match.Seniority.ToString().ToLowerInvariant(),
        m.SocCode?.ToString(),
        m.OnetSocCode?.ToString(),
        m.Confidence.ToString("0.####", CultureInfo.InvariantCulture),
        m.NeedsReview ? "true" : "false",
        !m.UsedSemantic ? Method(m.Lexical.Match.MatchedBy) : m.SocCode == m.Lexical.Match.SocCode ? Method(m.Lexical.Match.MatchedBy) + "+semantic" : "semantic",
        m.Candidates.Count > 0 ? m.Candidates[0].Evidence : m.Lexical.Match.MatchedText,
        top == 1 ? "" : string.Join(';', m.Candidates.Skip(1).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.OnetSoc}:{c.Title}:{c.Score:0.###}"))),
    ];

    private static string Method(MatchMethod method) => method switch
    {
        MatchMethod.ExactAlias => "exact_alias",
        MatchMethod.WordSet => "word_set",
        MatchMethod.TokenScore => "token_score",
        MatchMethod.Fuzzy => "fuzzy",
        _ => "none",
    };
}

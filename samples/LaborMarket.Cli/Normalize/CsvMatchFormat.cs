using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// CSV: <c>row,input,</c> the result's fields, then the input's other columns. Real title columns repeat a lot, so the
/// formatted result of a title is kept (up to a bound, so memory stays flat) and a repeated title costs one lookup.
/// </summary>
internal sealed class CsvMatchFormat : MatchFormat
{
    private const int MaxCached = 50_000;

    private static readonly string[] Columns =
        ["row", "input", "role_id", "role", "family", "seniority", "soc_code", "onet_soc_code", "confidence", "needs_review", "matched_by", "matched_text", "candidates"];

    private readonly ConcurrentDictionary<string, (string Fields, MatchSummary Summary)> _formatted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Fields, MatchSummary Summary)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly Func<string, TitleExplanation>? _explain;

    // Counted here: ConcurrentDictionary.Count takes all its locks, which cost more than a title and serialized the workers.
    private int _cached;

    /// <param name="explain">Gives the candidates column; null when one candidate is kept (the column is then empty).</param>
    public CsvMatchFormat(Func<string, TitleExplanation>? explain)
    {
        _explain = explain;
        _lookup = _formatted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public override string Begin(IReadOnlyList<string> keptColumns)
    {
        var text = new StringBuilder();
        var names = new HashSet<string>(Columns, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Length; i++)
        {
            text.Append(i == 0 ? "" : ",").Append(Columns[i]);
        }

        foreach (var kept in keptColumns)
        {
            text.Append(',');
            CsvRows.AppendField(text, names.Add(kept) ? kept : "input_" + kept);
        }

        return text.Append('\n').ToString();
    }

    public override MatchSummary Append(StringBuilder text, long row, string title, string[]? kept, Func<string, TitleMatch> normalize)
    {
        if (!_formatted.TryGetValue(title, out var result))
        {
            result = Format(title, normalize);
            Keep(title, result);
        }

        text.Append(row).Append(',');
        CsvRows.AppendField(text, title);
        text.Append(',').Append(result.Fields);
        if (kept is not null)
        {
            foreach (var value in kept)
            {
                text.Append(',');
                CsvRows.AppendField(text, value);
            }
        }

        text.Append('\n');
        return result.Summary;
    }

    public override string End(long rows) => "";

    /// <summary>
    /// Appends a row from a CSV record as written: the title and the other columns are copied without being unquoted
    /// and quoted again. <paramref name="width"/> is 0 when no other column is kept.
    /// </summary>
    public MatchSummary AppendRaw(StringBuilder text, long row, ReadOnlySpan<char> record, ReadOnlySpan<Range> fields, int count, int titleColumn, int width,
        Func<string, TitleMatch> normalize, List<string>? unmatched)
    {
        var written = titleColumn < count ? record[fields[titleColumn]] : default;
        var title = CsvRows.Value(written, out var unescaped);
        if (!_lookup.TryGetValue(title, out var result))
        {
            var key = unescaped ?? title.ToString();
            result = Format(key, normalize);
            Keep(key, result);
        }

        if (!result.Summary.IsMatch)
        {
            unmatched?.Add(unescaped ?? title.ToString());
        }

        text.Append(row).Append(',').Append(written).Append(',').Append(result.Fields);
        for (var i = 0; i < width; i++)
        {
            if (i != titleColumn)
            {
                text.Append(',');
                if (i < count)
                {
                    text.Append(record[fields[i]]);
                }
            }
        }

        text.Append('\n');
        return result.Summary;
    }

    private void Keep(string title, (string Fields, MatchSummary Summary) result)
    {
        if (Volatile.Read(ref _cached) < MaxCached && _formatted.TryAdd(title, result))
        {
            Interlocked.Increment(ref _cached);
        }
    }

    // One call per title: the explanation carries the match, so a title with candidates is not also normalized.
    private (string Fields, MatchSummary Summary) Format(string title, Func<string, TitleMatch> normalize)
    {
        var e = _explain?.Invoke(title);
        var m = e?.Match ?? normalize(title);
        return (Fields(m, e), new MatchSummary(m.IsMatch, m.NeedsReview));
    }

    // The candidates column lists the runners-up: with one candidate kept there are none. Written into one builder per
    // thread, numbers and codes formatted in place: the only string made is the one kept.
    private static string Fields(TitleMatch m, TitleExplanation? e)
    {
        var text = (_fields ??= new StringBuilder(256)).Clear();
        CsvRows.AppendField(text, m.Role?.Id);
        text.Append(',');
        CsvRows.AppendField(text, m.Role?.Name);
        text.Append(',');
        CsvRows.AppendField(text, m.Role?.Family);
        text.Append(',').Append(Seniority(m)).Append(',');
        if (m.SocCode is { } soc)
        {
            text.Append(CultureInfo.InvariantCulture, $"{soc}");
        }

        text.Append(',');
        if (m.OnetSocCode is { } onet)
        {
            text.Append(CultureInfo.InvariantCulture, $"{onet}");
        }

        text.Append(CultureInfo.InvariantCulture, $",{m.Confidence:0.####},").Append(m.NeedsReview ? "true" : "false").Append(',').Append(Method(m.MatchedBy)).Append(',');
        CsvRows.AppendField(text, m.MatchedText);
        text.Append(',');
        if (e is not null)
        {
            var candidates = new StringBuilder();
            for (var i = 1; i < e.Candidates.Count; i++)
            {
                var c = e.Candidates[i];
                candidates.Append(CultureInfo.InvariantCulture, $"{(i > 1 ? ";" : "")}{c.Role.Id}:{c.Role.Soc}:{c.Score:0.###}");
            }

            CsvRows.AppendField(text, candidates.ToString());
        }

        return text.ToString();
    }

    [ThreadStatic]
    private static StringBuilder? _fields;
}

using System.Text;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Cli.Normalize;

/// <summary>
/// How normalize writes its rows. Workers format whole batches in parallel (<see cref="Append"/> is thread-safe);
/// the writer only copies the text out in input order.
/// </summary>
internal abstract class MatchFormat
{
    /// <summary>Text before the first row (a header, an opening bracket).</summary>
    public abstract string Begin(IReadOnlyList<string> keptColumns);

    /// <summary>Appends one row; <paramref name="normalize"/> is called only when the format needs a fresh result.</summary>
    /// <returns>The row's result, for the unmatched report.</returns>
    public abstract MatchSummary Append(StringBuilder text, long row, string title, string[]? kept, Func<string, TitleMatch> normalize);

    /// <summary>Text after the last row.</summary>
    public abstract string End(long rows);

    /// <summary>
    /// The format <paramref name="name"/>; those that print the account of a decision (candidates, cleaned words) are
    /// given it as <c>Explain(title, top)</c> of <paramref name="normalizer"/>.
    /// </summary>
    public static MatchFormat Create(string name, TitleNormalizer normalizer, int top, IReadOnlyList<string> keptColumns) => name switch
    {
        // With one candidate kept the candidates column is empty, so the cheaper Normalize serves.
        "csv" => new CsvMatchFormat(top == 1 ? null : title => normalizer.Explain(title, top)),
        "json" => new JsonMatchFormat(keptColumns, array: true, title => normalizer.Explain(title, top)),
        "jsonl" => new JsonMatchFormat(keptColumns, array: false, title => normalizer.Explain(title, top)),
        _ => new TableMatchFormat(),
    };

    // The level names as written, made once (a lower-cased enum name was two strings a row), indexed by value.
    private static readonly string[] SeniorityNames = Enum.GetValues<SeniorityLevel>()
        .Select(s => s == SeniorityLevel.VicePresident ? "vice_president" : s.ToString().ToLowerInvariant()).ToArray();

    internal static string Seniority(TitleMatch m) =>
        (uint)m.Seniority < (uint)SeniorityNames.Length ? SeniorityNames[(int)m.Seniority] : m.Seniority.ToString().ToLowerInvariant();

    internal static string Method(MatchMethod method) => method switch
    {
        MatchMethod.ExactAlias => "exact_alias",
        MatchMethod.WordSet => "word_set",
        MatchMethod.TokenScore => "token_score",
        MatchMethod.Fuzzy => "fuzzy",
        _ => "none",
    };
}

/// <summary>What the unmatched report needs of a row.</summary>
internal readonly record struct MatchSummary(bool IsMatch, bool NeedsReview);

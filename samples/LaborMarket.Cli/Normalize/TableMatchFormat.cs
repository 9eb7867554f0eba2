using System.Globalization;
using System.Text;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Cli.Normalize;

/// <summary>An aligned table for reading on a terminal. Columns have fixed widths so rows stream (memory stays flat).</summary>
internal sealed class TableMatchFormat : MatchFormat
{
    private static readonly string[] Header = ["row", "input", "role", "seniority", "soc", "onet_soc", "conf", "review", "matched_by"];
    private static readonly int[] Widths = [6, 40, 32, 14, 7, 10, 4, 6, 11];

    public override string Begin(IReadOnlyList<string> keptColumns)
    {
        var text = new StringBuilder();
        Line(text, Header);
        Line(text, Widths.Select(w => new string('-', w)).ToArray());
        return text.ToString();
    }

    public override MatchSummary Append(StringBuilder text, long row, string title, string[]? kept, Func<string, TitleMatch> normalize)
    {
        var m = normalize(title);
        Line(text,
        [
            row.ToString(CultureInfo.InvariantCulture), m.Input.ReplaceLineEndings(" "), m.Role?.Name ?? "(unmatched)", Seniority(m),
            m.SocCode?.ToString() ?? "", m.OnetSocCode?.ToString() ?? "", m.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
            m.NeedsReview ? "yes" : "", Method(m.MatchedBy),
        ]);
        return new MatchSummary(m.IsMatch, m.NeedsReview);
    }

    public override string End(long rows) => "";

    private static void Line(StringBuilder text, string[] values)
    {
        var start = text.Length;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            var width = Widths[i];
            if (i > 0)
            {
                text.Append("  ");
            }

            if (value.Length > width)
            {
                text.Append(value.AsSpan(0, width - 1)).Append('…');
            }
            else
            {
                text.Append(value).Append(' ', width - value.Length);
            }
        }

        // No trailing blanks.
        var end = text.Length;
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        text.Length = end;
        text.Append('\n');
    }
}

namespace LaborMarket;

/// <summary>
/// A worksite split into city, state and ZIP code, parsed from strings such as
/// "SAN JOSE, CALIFORNIA", "Tampa, FL 33602" or "Austin TX".
/// </summary>
/// <param name="City">The city as written (trimmed), or null when the text holds none.</param>
/// <param name="State">The state.</param>
/// <param name="Zip">The five-digit ZIP code, or null.</param>
public sealed record WorksiteLocation(string? City, UsState State, string? Zip)
{
    /// <summary>Tries to parse a worksite string; never throws.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorksiteLocation? location)
    {
        location = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return false;
        }

        var s = text.AsSpan().Trim();

        // Trailing ZIP (5 digits, optionally ZIP+4).
        string? zip = null;
        var lastSpace = s.LastIndexOfAny(' ', ',');
        var tail = lastSpace >= 0 ? s[(lastSpace + 1)..] : s;
        if (tail.Length is 5 or 10 && char.IsAsciiDigit(tail[0]) && IsZip(tail))
        {
            zip = tail[..5].ToString();
            s = lastSpace >= 0 ? s[..lastSpace].TrimEnd(" ,") : [];
        }

        // State: after the last comma, else the longest trailing run of words that names a state.
        var comma = s.LastIndexOf(',');
        if (comma >= 0 && UsState.TryParse(s[(comma + 1)..], out var state))
        {
            var city = s[..comma].Trim(" ,");
            location = new WorksiteLocation(city.IsEmpty ? null : city.ToString(), state, zip);
            return true;
        }

        for (var start = 0; start < s.Length; start++)
        {
            if (start > 0 && s[start - 1] != ' ')
            {
                continue;
            }

            if (UsState.TryParse(s[start..], out state))
            {
                var city = s[..start].Trim(" ,");
                location = new WorksiteLocation(city.IsEmpty ? null : city.ToString(), state, zip);
                return true;
            }
        }

        return false;
    }

    private static bool IsZip(ReadOnlySpan<char> tail)
    {
        for (var i = 0; i < tail.Length; i++)
        {
            if (!(char.IsAsciiDigit(tail[i]) || (i == 5 && tail[i] == '-')))
            {
                return false;
            }
        }

        return true;
    }
}

namespace LaborMarket.Bls.Oews;

/// <summary>
/// An OEWS header read once: columns found by name (any case, O_GROUP or OCC_GROUP), and refused when a required
/// column is missing, a column appears twice, or a name is one or two letters away from an OEWS column the file
/// lacks (a misspelt wage column would otherwise leave every value blank).
/// </summary>
internal static class OewsHeader
{
    // Every column of the official downloads (national, state, metro, all-data, industry) and of older layouts.
    private static readonly string[] Known =
    [
        "AREA", "AREA_TITLE", "AREA_TYPE", "AREA_NAME", "PRIM_STATE", "ST", "STATE", "NAICS", "NAICS_TITLE", "I_GROUP", "OWN_CODE",
        "OCC_CODE", "OCC_TITLE", "O_GROUP", "OCC_GROUP", "GROUP", "TOT_EMP", "EMP_PRSE", "JOBS_1000", "LOC_QUOTIENT", "PCT_TOTAL",
        "PCT_RPT", "H_MEAN", "A_MEAN", "MEAN_PRSE", "H_PCT10", "H_PCT25", "H_MEDIAN", "H_PCT75", "H_PCT90", "A_PCT10", "A_PCT25",
        "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY", "YEAR",
    ];

    /// <summary>The index of each of <paramref name="columns"/> in the header, -1 where absent.</summary>
    /// <exception cref="LaborMarketFormatException">Not an OEWS header, a duplicate or a misspelt column (line 1).</exception>
    public static int[] Map(IReadOnlyList<string> header, string source, string[] columns)
    {
        var names = header.Select(h => h.Trim().Trim('"').ToUpperInvariant()).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i].Length > 0 && Array.IndexOf(names, names[i], i + 1) > i)
            {
                throw new LaborMarketFormatException(source, 1, names[i], "the column appears twice in the header");
            }

            if (names[i].Length > 0 && Array.IndexOf(Known, names[i]) < 0
                && Known.FirstOrDefault(k => !names.Contains(k) && Distance(k, names[i]) <= 2) is { } meant)
            {
                throw new LaborMarketFormatException(source, 1, header[i], $"unknown column '{header[i]}': is it {meant} misspelt?");
            }
        }

        var map = columns.Select(c => Array.IndexOf(names, c)).ToArray();
        var group = Array.IndexOf(columns, "O_GROUP");
        if (group >= 0 && map[group] < 0)
        {
            map[group] = Array.IndexOf(names, "OCC_GROUP");
        }

        foreach (var required in new[] { "AREA", "OCC_CODE" })
        {
            if (!names.Contains(required))
            {
                throw new LaborMarketFormatException(source, 1, required,
                    $"not an OEWS file: the header has no {required} column ({string.Join(",", names.Take(8))}...)");
            }
        }

        if (!names.Any(n => n is "A_MEDIAN" or "A_MEAN" or "H_MEDIAN" or "H_MEAN" or "TOT_EMP"))
        {
            throw new LaborMarketFormatException(source, 1, "A_MEDIAN", "not an OEWS file: the header has no employment or wage column");
        }

        return map;
    }

    /// <summary>
    /// A NAICS code as OEWS writes it: 2 to 6 digits ("11", "541500"), a sector range ("31-33", "44-450"), or a
    /// 6-character split industry ("3250A1").
    /// </summary>
    public static bool IsNaicsCode(ReadOnlySpan<char> code)
    {
        static bool Digits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

        if (code.Length is >= 2 and <= 6 && Digits(code))
        {
            return true;
        }

        if (code.Length is 5 or 6 && code[2] == '-')
        {
            return Digits(code[..2]) && Digits(code[3..]);
        }

        return code.Length == 6 && code[4] == 'A' && Digits(code[..4]) && Digits(code[5..]);
    }

    // Levenshtein distance of two short names.
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return 3;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

using System.Globalization;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// Reads the numbers of OEWS and OFLC files: plain decimals with optional thousands separators, no sign and no
/// exponent (the files never have them, so "1e-400" or "-5" is an error, not a silent zero or a negative wage),
/// within plausible bounds.
/// </summary>
internal static class OewsNumber
{
    /// <summary>The largest employment figure accepted (all U.S. employment is about 150 million).</summary>
    public const double MaxEmployment = 1e9;

    /// <summary>The largest hourly wage accepted.</summary>
    public const double MaxHourly = 10_000;

    /// <summary>The largest annual wage accepted.</summary>
    public const double MaxAnnual = 20_000_000;

    private static readonly double[] Pow10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>A cell: a number within [0, <paramref name="max"/>], an OEWS marker, or blank.</summary>
    /// <exception cref="LaborMarketFormatException">Anything else, naming the file, line and column.</exception>
    public static OewsValue Read(ReadOnlySpan<char> cell, double topCode, double max, string source, long line, string column)
    {
        cell = cell.Trim();
        if (TryParse(cell, out var value))
        {
            return value <= max
                ? new OewsValue(value, OewsMarker.None)
                : throw new LaborMarketFormatException(source, line, column, $"{cell.ToString()} is above the plausible maximum {max:N0}");
        }

        return cell switch
        {
            "" => OewsValue.Blank,
            "*" => new OewsValue(null, OewsMarker.WageNotAvailable),
            "**" => new OewsValue(null, OewsMarker.EmploymentNotAvailable),
            "#" => new OewsValue(topCode, OewsMarker.TopCoded),
            "~" => new OewsValue(null, OewsMarker.FewEstablishments),
            _ => throw new LaborMarketFormatException(source, line, column, Length(cell) + " is not a non-negative number or an OEWS marker (*, **, #, ~)"),
        };
    }

    /// <summary>A plain non-negative decimal ("103,000", "45.67"): digits, thousands commas, one point.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out double value)
    {
        // Up to 15 digits the digits are an exact integer and one division by an exact power of ten rounds as
        // double.Parse does; longer numbers go to double.Parse with the same rules.
        long mantissa = 0;
        var digits = 0;
        var decimals = -1;
        foreach (var c in s)
        {
            if ((uint)(c - '0') <= 9)
            {
                if (++digits > 15)
                {
                    return TryParseLong(s, out value);
                }

                mantissa = (mantissa * 10) + (c - '0');
                if (decimals >= 0)
                {
                    decimals++;
                }
            }
            else if (c == ',' && decimals < 0 && digits > 0)
            {
                continue;
            }
            else if (c == '.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                value = 0;
                return false;
            }
        }

        value = decimals <= 0 ? mantissa : mantissa / Pow10[decimals];
        return digits > 0;
    }

    private static bool TryParseLong(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    // A cell quoted in an error, cut to a readable length.
    private static string Length(ReadOnlySpan<char> cell) =>
        cell.Length <= 40 ? $"'{cell.ToString()}'" : $"'{cell[..40].ToString()}...' ({cell.Length:N0} characters)";
}

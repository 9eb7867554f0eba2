using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LaborMarket;

/// <summary>A five-digit county FIPS code (two-digit state + three-digit county), such as 12103 Pinellas County, FL.</summary>
public readonly record struct CountyFips : ISpanParsable<CountyFips>
{
    private readonly int _value;

    private CountyFips(int value) => _value = value;

    /// <summary>The five digits as a number.</summary>
    public int Value => _value;

    /// <summary>The two-digit state FIPS code.</summary>
    public int StateFips => _value / 1000;

    /// <summary>The three-digit county code within the state.</summary>
    public int CountyCode => _value % 1000;

    /// <summary>The state, when the state FIPS code is known.</summary>
    public UsState? State => UsState.TryFromFips(StateFips, out var s) ? s : null;

    /// <inheritdoc/>
    public override string ToString() => _value.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>Parses five digits (four are padded: "1003" is 01003).</summary>
    public static CountyFips Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static CountyFips Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static CountyFips Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var v) ? v : throw new FormatException($"'{s.ToString()}' is not a county FIPS code.");

    /// <summary>Tries to parse; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CountyFips result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountyFips result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CountyFips result)
    {
        result = default;
        s = s.Trim();
        if (s.Length is < 4 or > 5 || !AreaDigits.TryRead(s, out var v) || v / 1000 == 0)
        {
            return false;
        }

        result = new CountyFips(v);
        return true;
    }
}

internal static class AreaDigits
{
    public static bool TryRead(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !s.IsEmpty;
    }
}

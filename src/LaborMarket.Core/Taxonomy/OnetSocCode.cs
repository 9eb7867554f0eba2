using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket;

/// <summary>
/// An O*NET-SOC code (<c>XX-XXXX.XX</c>), such as 15-1252.00 Software Developers or 29-1141.01 Acute Care Nurses.
/// A bare SOC code parses with the suffix <c>.00</c>.
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<OnetSocCode>))]
public readonly record struct OnetSocCode : ISpanParsable<OnetSocCode>, ISpanFormattable, IComparable<OnetSocCode>
{
    private readonly int _value; // six SOC digits * 100 + suffix

    private OnetSocCode(int value) => _value = value;

    /// <summary>Creates an O*NET-SOC code from its SOC code and two-digit suffix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The suffix is not 0 to 99.</exception>
    public OnetSocCode(SocCode soc, int suffix)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(suffix);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(suffix, 99);
        _value = (soc.Value * 100) + suffix;
    }

    /// <summary>
    /// The code this O*NET occupation's wages and counts are reported under (15-1252 for 15-1252.00). Four
    /// SOC 2018 occupations are reported only under a combined code (OEWS and O*NET's crosswalks use it):
    /// 21-1011 and 21-1014 under 21-1018, 51-2022 and 51-2023 under 51-2028. <see cref="OnetSixDigit"/> is the
    /// SOC 2018 code as O*NET prints it.
    /// </summary>
    public SocCode Soc => SocCode.FromValueUnchecked((_value / 100) switch
    {
        // Two rows of LaborMarket.Bls's OewsAggregates table (OEWS's combined codes); its tests check they agree.
        211011 or 211014 => 211018,
        512022 or 512023 => 512028,
        var six => six,
    });

    /// <summary>The six digits before the suffix, as O*NET prints them (21-1011 for 21-1011.00).</summary>
    public SocCode OnetSixDigit => SocCode.FromValueUnchecked(_value / 100);

    /// <summary>The two-digit suffix (0 for .00, the SOC-level occupation).</summary>
    public int Suffix => _value % 100;

    /// <inheritdoc/>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[10];
        TryFormat(buffer, out _, default, null);
        return new string(buffer);
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 10 || !OnetSixDigit.TryFormat(destination, out _, default, null))
        {
            charsWritten = 0;
            return false;
        }

        destination[7] = '.';
        destination[8] = (char)('0' + (Suffix / 10));
        destination[9] = (char)('0' + (Suffix % 10));
        charsWritten = 10;
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(OnetSocCode other) => _value.CompareTo(other._value);

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator <(OnetSocCode left, OnetSocCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator <=(OnetSocCode left, OnetSocCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator >(OnetSocCode left, OnetSocCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator >=(OnetSocCode left, OnetSocCode right) => left.CompareTo(right) >= 0;

    /// <summary>Parses an O*NET-SOC code.</summary>
    /// <exception cref="FormatException">The text is not an O*NET-SOC code.</exception>
    public static OnetSocCode Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static OnetSocCode Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static OnetSocCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var code)
            ? code
            : throw new FormatException($"'{s.ToString()}' is not an O*NET-SOC code (expected XX-XXXX.XX).");

    /// <summary>Tries to parse an O*NET-SOC code; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out OnetSocCode result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse an O*NET-SOC code; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out OnetSocCode result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OnetSocCode result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out OnetSocCode result)
    {
        result = default;
        if (!SocText.TryParse(s, out var six, out var suffix))
        {
            return false;
        }

        result = new OnetSocCode((six * 100) + Math.Max(suffix, 0));
        return true;
    }
}

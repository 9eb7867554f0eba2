using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LaborMarket;

/// <summary>
/// A Standard Occupational Classification code (<c>XX-XXXX</c>), such as 15-1252 Software Developers.
/// Parses the forms seen in real files: "15-1252", "151252", "15-1252.00", "15.1252", " 15-1252 ".
/// </summary>
public readonly record struct SocCode : ISpanParsable<SocCode>, ISpanFormattable, IComparable<SocCode>
{
    private readonly int _value;

    private SocCode(int value) => _value = value;

    /// <summary>The six digits as a number (151252 for 15-1252).</summary>
    public int Value => _value;

    /// <summary>The two-digit major group number (15 for 15-1252).</summary>
    public int MajorGroupNumber => _value / 10000;

    /// <summary>Where this code sits in the hierarchy.</summary>
    public SocLevel Level => (_value % 10000) switch
    {
        0 => SocLevel.Major,
        var rest when rest % 100 == 0 => SocLevel.Minor,
        var rest when rest % 10 == 0 => SocLevel.Broad,
        _ => SocLevel.Detailed,
    };

    /// <summary>The major group (15-0000).</summary>
    public SocCode Major => new(_value / 10000 * 10000);

    /// <summary>The minor group (15-1200); a major group returns itself.</summary>
    public SocCode Minor => new(_value / 100 * 100);

    /// <summary>The broad occupation (15-1250); higher levels return themselves.</summary>
    public SocCode Broad => new(_value / 10 * 10);

    /// <summary>The parent one level up, or null for a major group.</summary>
    public SocCode? Parent => Level switch
    {
        SocLevel.Detailed => Broad,
        SocLevel.Broad => Minor,
        SocLevel.Minor => Major,
        _ => null,
    };

    /// <summary>Creates a code from its six digits as a number (0 to 999999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value has more than six digits or is negative.</exception>
    public static SocCode FromValue(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999_999);
        return new SocCode(value);
    }

    /// <summary>Whether this code is <paramref name="other"/> or one of its descendants.</summary>
    public bool IsWithin(SocCode other) => other.Level switch
    {
        SocLevel.Major => Major == other,
        SocLevel.Minor => Minor == other,
        SocLevel.Broad => Broad == other,
        _ => this == other,
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[7];
        TryFormat(buffer, out _, default, null);
        return new string(buffer);
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.Length < 7)
        {
            charsWritten = 0;
            return false;
        }

        var v = _value;
        for (var i = 6; i >= 0; i--)
        {
            if (i == 2)
            {
                destination[i] = '-';
                continue;
            }

            destination[i] = (char)('0' + (v % 10));
            v /= 10;
        }

        charsWritten = 7;
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(SocCode other) => _value.CompareTo(other._value);

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator <(SocCode left, SocCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator <=(SocCode left, SocCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator >(SocCode left, SocCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes by their digits.</summary>
    public static bool operator >=(SocCode left, SocCode right) => left.CompareTo(right) >= 0;

    /// <summary>Parses a SOC code.</summary>
    /// <exception cref="FormatException">The text is not a SOC code.</exception>
    public static SocCode Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static SocCode Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static SocCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var code)
            ? code
            : throw new FormatException($"'{s.ToString()}' is not a SOC code (expected XX-XXXX).");

    /// <summary>Tries to parse a SOC code; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out SocCode result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse a SOC code; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out SocCode result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SocCode result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SocCode result)
    {
        result = default;
        if (!SocText.TryParse(s, out var six, out _))
        {
            return false;
        }

        result = new SocCode(six);
        return true;
    }

    internal static SocCode FromValueUnchecked(int value) => new(value);
}

/// <summary>The shared grammar of SOC and O*NET-SOC codes.</summary>
internal static class SocText
{
    // Accepts "15-1252", "151252", "15.1252", "15 1252", each optionally followed by ".NN" (the O*NET suffix)
    // and surrounded by white space. suffix is -1 when absent.
    public static bool TryParse(ReadOnlySpan<char> s, out int six, out int suffix)
    {
        six = 0;
        suffix = -1;
        s = s.Trim();
        if (s.Length < 6 || s.Length > 10)
        {
            return false;
        }

        var i = 0;
        for (var d = 0; d < 6; d++)
        {
            if (d == 2 && i < s.Length && s[i] is '-' or '.' or ' ' or '\u2013' or '\u2011')
            {
                i++;
            }

            if (i >= s.Length || !char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            six = six * 10 + (s[i++] - '0');
        }

        if (i == s.Length)
        {
            return true;
        }

        if (s[i] != '.' || s.Length - i != 3 || !char.IsAsciiDigit(s[i + 1]) || !char.IsAsciiDigit(s[i + 2]))
        {
            return false;
        }

        suffix = ((s[i + 1] - '0') * 10) + (s[i + 2] - '0');
        return true;
    }

    public static string Format(int six) => string.Create(CultureInfo.InvariantCulture, $"{six / 10000:D2}-{six % 10000:D4}");
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace LaborMarket;

/// <summary>
/// A Classification of Instructional Programs code (CIP 2020): a program <c>XX.XXXX</c> such as 51.3801
/// Registered Nursing, a series <c>XX.XX</c> (51.38) or a family <c>XX</c> (51).
/// Parses the forms found in real files: "51.3801", "513801", "1.0101" (a leading zero lost to a spreadsheet),
/// "51.38", "51", and NCES's Excel-formula form <c>="51.3801"</c>.
/// </summary>
[JsonConverter(typeof(CipCodeJsonConverter))]
public readonly record struct CipCode : ISpanParsable<CipCode>, ISpanFormattable, IComparable<CipCode>
{
    private readonly int _value; // six digits, padded with zeros for a series or a family (51.38 -> 513800)
    private readonly CipLevel _level;

    private CipCode(int value, CipLevel level)
    {
        _value = value;
        _level = level;
    }

    /// <summary>The six digits as a number, zero-padded for a series or family (513801, 513800, 510000).</summary>
    public int Value => _value;

    /// <summary>Whether this is a family, a series or a program.</summary>
    public CipLevel Level => _level;

    /// <summary>The two-digit family (51).</summary>
    public CipCode Family => new(_value / 10000 * 10000, CipLevel.Family);

    /// <summary>The four-digit series (51.38); a family returns itself.</summary>
    public CipCode Series => _level == CipLevel.Family ? this : new(_value / 100 * 100, CipLevel.Series);

    /// <summary>The parent one level up, or null for a family.</summary>
    public CipCode? Parent => _level switch
    {
        CipLevel.Program => Series,
        CipLevel.Series => Family,
        _ => null,
    };

    /// <summary>Whether this code is <paramref name="other"/> or lies within it (51.3801 is within 51.38 and 51).</summary>
    public bool IsWithin(CipCode other) => other._level switch
    {
        CipLevel.Family => _value / 10000 == other._value / 10000,
        CipLevel.Series => _level != CipLevel.Family && _value / 100 == other._value / 100,
        _ => this == other,
    };

    /// <inheritdoc/>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[7];
        TryFormat(buffer, out var n, default, null);
        return new string(buffer[..n]);
    }

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var length = _level switch { CipLevel.Family => 2, CipLevel.Series => 5, _ => 7 };
        charsWritten = 0;
        if (destination.Length < length)
        {
            return false;
        }

        Span<char> digits = stackalloc char[6];
        var v = _value;
        for (var i = 5; i >= 0; i--)
        {
            digits[i] = (char)('0' + (v % 10));
            v /= 10;
        }

        destination[0] = digits[0];
        destination[1] = digits[1];
        if (length > 2)
        {
            destination[2] = '.';
            digits.Slice(2, length - 3).CopyTo(destination[3..]);
        }

        charsWritten = length;
        return true;
    }

    /// <inheritdoc/>
    public int CompareTo(CipCode other)
    {
        var byValue = _value.CompareTo(other._value);
        return byValue != 0 ? byValue : _level.CompareTo(other._level);
    }

    /// <summary>Orders codes by their digits, a family before its series before its programs.</summary>
    public static bool operator <(CipCode left, CipCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders codes by their digits, a family before its series before its programs.</summary>
    public static bool operator <=(CipCode left, CipCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders codes by their digits, a family before its series before its programs.</summary>
    public static bool operator >(CipCode left, CipCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders codes by their digits, a family before its series before its programs.</summary>
    public static bool operator >=(CipCode left, CipCode right) => left.CompareTo(right) >= 0;

    /// <summary>Parses a CIP code.</summary>
    /// <exception cref="FormatException">The text is not a CIP code.</exception>
    public static CipCode Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static CipCode Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static CipCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var code)
            ? code
            : throw new FormatException($"'{s.ToString()}' is not a CIP code (expected XX.XXXX, XX.XX or XX).");

    /// <summary>Tries to parse a CIP code; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out CipCode result) => TryParse(s.AsSpan(), null, out result);

    /// <summary>Tries to parse a CIP code; never throws.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out CipCode result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CipCode result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CipCode result)
    {
        result = default;
        s = s.Trim();
        // NCES writes codes as Excel formulas so that leading zeros survive: ="01.0000" (=01.0000 once a CSV
        // reader has taken the quotes off).
        if (!s.IsEmpty && s[0] == '=')
        {
            s = s[1..];
            if (s.Length >= 2 && s[0] == '"' && s[^1] == '"')
            {
                s = s[1..^1];
            }
        }

        if (s.IsEmpty || s.Length > 7)
        {
            return false;
        }

        var dot = s.IndexOf('.');
        ReadOnlySpan<char> head, tail;
        if (dot < 0)
        {
            // Without a dot: "51" is a family, "5138" a series, "513801" a program.
            if (s.Length is not (2 or 4 or 6))
            {
                return false;
            }

            head = s[..2];
            tail = s[2..];
        }
        else
        {
            head = s[..dot];
            tail = s[(dot + 1)..];
            if (head.Length is not (1 or 2) || tail.Length is not (2 or 4))
            {
                return false;
            }
        }

        if (!Digits(head, out var family) || !Digits(tail, out var rest))
        {
            return false;
        }

        result = tail.Length switch
        {
            0 => new CipCode(family * 10000, CipLevel.Family),
            2 => new CipCode((family * 10000) + (rest * 100), CipLevel.Series),
            _ => new CipCode((family * 10000) + rest, CipLevel.Program),
        };
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
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

        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket;

/// <summary>
/// An OEWS area code: the nation, a state, a metro area (CBSA / metropolitan division code) or a
/// nonmetropolitan area. Metro codes print as five digits, nonmetro codes as seven
/// (short forms such as "100001" pad to "0100001").
/// </summary>
[JsonConverter(typeof(TextValueJsonConverter<OewsAreaCode>))]
public readonly record struct OewsAreaCode : ISpanParsable<OewsAreaCode>
{
    private OewsAreaCode(AreaLevel level, int value)
    {
        Level = level;
        Value = value;
    }

    /// <summary>The nation.</summary>
    public static OewsAreaCode National { get; } = new(AreaLevel.National, 99);

    /// <summary>What kind of area this is.</summary>
    public AreaLevel Level { get; }

    /// <summary>The numeric code (FIPS for a state, CBSA for a metro, seven digits for a nonmetro area, 99 for the nation).</summary>
    public int Value { get; }

    /// <summary>The state area for a state.</summary>
    public static OewsAreaCode ForState(UsState state) => new(AreaLevel.State, state.Fips);

    /// <summary>A metro area by CBSA or metropolitan division code (10000 to 99999).</summary>
    public static OewsAreaCode ForMetro(int cbsa)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cbsa, 10000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cbsa, 99999);
        return new(AreaLevel.Metro, cbsa);
    }

    /// <summary>The state a state or nonmetro area lies in; null for the nation and metros (which can span states).</summary>
    public UsState? State => Level switch
    {
        AreaLevel.State when UsState.TryFromFips(Value, out var s) => s,
        AreaLevel.Nonmetro when UsState.TryFromFips(Value / 100000, out var s) => s,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Level switch
    {
        AreaLevel.National => "99",
        AreaLevel.State => Value.ToString("D2", CultureInfo.InvariantCulture),
        AreaLevel.Nonmetro => Value.ToString("D7", CultureInfo.InvariantCulture),
        _ => Value.ToString("D5", CultureInfo.InvariantCulture),
    };

    /// <summary>Parses an area code as printed in OEWS and OFLC files.</summary>
    public static OewsAreaCode Parse(string s) => Parse(s, null);

    /// <inheritdoc/>
    public static OewsAreaCode Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <inheritdoc/>
    public static OewsAreaCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var v) ? v : throw new FormatException($"'{s.ToString()}' is not an OEWS area code.");

    /// <summary>Tries to parse; never throws.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out OewsAreaCode result) => TryParse(s.AsSpan(), null, out result);

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OewsAreaCode result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>
    /// Tries to parse: "99", "U.S." or "0000000" is the nation; 1-2 digits a state FIPS code; 5 digits a
    /// metro; 6-7 digits a nonmetro area (or the state form SS00000). Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out OewsAreaCode result)
    {
        result = default;
        s = s.Trim();
        if (s is "U.S." or "US" or "us")
        {
            result = National;
            return true;
        }

        if (s.Length is 0 or > 7 || !AreaDigits.TryRead(s, out var v))
        {
            return false;
        }

        switch (s.Length)
        {
            case <= 2 when v == 99:
                result = National;
                return true;
            case <= 2 when UsState.TryFromFips(v, out _):
                result = new(AreaLevel.State, v);
                return true;
            case 5 when v >= 10000:
                result = new(AreaLevel.Metro, v);
                return true;
            case 6 or 7 when v == 0:
                result = National;
                return true;
            case 6 or 7 when v % 100000 == 0 && UsState.TryFromFips(v / 100000, out _):
                result = new(AreaLevel.State, v / 100000);
                return true;
            case 6 or 7 when UsState.TryFromFips(v / 100000, out _):
                result = new(AreaLevel.Nonmetro, v);
                return true;
            default:
                return false;
        }
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Bls.Oews;

/// <summary>One OEWS figure: a number, or a typed marker saying why there is none. Never a silent zero.</summary>
/// <remarks>16 bytes (a double and the marker): an index holds nine per row.</remarks>
public readonly struct OewsValue : IEquatable<OewsValue>, IFormattable
{
    private readonly double _value; // NaN when there is no number (OEWS numbers are always finite)

    /// <summary>Creates a figure.</summary>
    /// <param name="value">The number; for <see cref="OewsMarker.TopCoded"/> the top code (a lower bound); else null.</param>
    /// <param name="marker">What the cell said.</param>
    [JsonConstructor]
    public OewsValue(double? value, OewsMarker marker)
    {
        _value = value ?? double.NaN;
        Marker = marker;
    }

    /// <summary>An empty cell.</summary>
    public static OewsValue Blank { get; } = new(null, OewsMarker.Blank);

    /// <summary>The number; for <see cref="OewsMarker.TopCoded"/> the top code (a lower bound); else null.</summary>
    public double? Value => double.IsNaN(_value) ? null : _value;

    /// <summary>What the cell said.</summary>
    public OewsMarker Marker { get; }

    /// <summary>True when there is a number to use (published, or a top-coded lower bound).</summary>
    [JsonIgnore]
    public bool HasValue => !double.IsNaN(_value);

    /// <summary>True when the true figure is at least <see cref="Value"/> (top-coded).</summary>
    public bool IsLowerBound => Marker == OewsMarker.TopCoded;

    /// <summary>Equal figures.</summary>
    public static bool operator ==(OewsValue left, OewsValue right) => left.Equals(right);

    /// <summary>Different figures.</summary>
    public static bool operator !=(OewsValue left, OewsValue right) => !left.Equals(right);

    /// <summary>Splits the figure into its number and marker.</summary>
    /// <param name="value">The number, or null.</param>
    /// <param name="marker">The marker.</param>
    public void Deconstruct(out double? value, out OewsMarker marker)
    {
        value = Value;
        marker = Marker;
    }

    /// <inheritdoc/>
    public bool Equals(OewsValue other) => Marker == other.Marker && _value.Equals(other._value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OewsValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_value, Marker);

    /// <summary>
    /// The number in <paramref name="format"/> (such as "N0"), after "&gt;= " when top-coded; the marker
    /// (*, **, ~) or "" when there is no number. Invariant culture unless a provider is given.
    /// </summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => Marker switch
    {
        OewsMarker.None => _value.ToString(format ?? "R", formatProvider ?? CultureInfo.InvariantCulture),
        OewsMarker.TopCoded => ">= " + _value.ToString(format ?? "R", formatProvider ?? CultureInfo.InvariantCulture),
        _ => ToString(),
    };

    /// <inheritdoc/>
    public override string ToString() => Marker switch
    {
        OewsMarker.None => _value.ToString("R", CultureInfo.InvariantCulture),
        OewsMarker.TopCoded => ">=" + _value.ToString("R", CultureInfo.InvariantCulture),
        OewsMarker.WageNotAvailable => "*",
        OewsMarker.EmploymentNotAvailable => "**",
        OewsMarker.FewEstablishments => "~",
        _ => "",
    };
}

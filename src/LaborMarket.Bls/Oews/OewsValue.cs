using System.Globalization;

namespace LaborMarket.Bls.Oews;

/// <summary>What an OEWS cell says besides (or instead of) a number.</summary>
public enum OewsMarker : byte
{
    /// <summary>A published number.</summary>
    None,

    /// <summary>The cell is empty (an extract without the value, or a column the file lacks).</summary>
    Blank,

    /// <summary><c>*</c>: wage estimate not available.</summary>
    WageNotAvailable,

    /// <summary><c>**</c>: employment estimate not available.</summary>
    EmploymentNotAvailable,

    /// <summary><c>#</c>: at or above the top code; the value is the top code, a lower bound.</summary>
    TopCoded,

    /// <summary><c>~</c>: under 0.5 % of establishments reporting.</summary>
    FewEstablishments,
}

/// <summary>One OEWS figure: a number, or a typed marker saying why there is none. Never a silent zero.</summary>
/// <param name="Value">The number; for <see cref="OewsMarker.TopCoded"/> the top code (a lower bound); else null.</param>
/// <param name="Marker">What the cell said.</param>
public readonly record struct OewsValue(double? Value, OewsMarker Marker)
{
    /// <summary>An empty cell.</summary>
    public static OewsValue Blank { get; } = new(null, OewsMarker.Blank);

    /// <summary>True when there is a number to use (published, or a top-coded lower bound).</summary>
    public bool HasValue => Value.HasValue;

    /// <summary>True when the true figure is at least <see cref="Value"/> (top-coded).</summary>
    public bool IsLowerBound => Marker == OewsMarker.TopCoded;

    /// <inheritdoc/>
    public override string ToString() => Marker switch
    {
        OewsMarker.None => Value!.Value.ToString("R", CultureInfo.InvariantCulture),
        OewsMarker.TopCoded => ">=" + Value!.Value.ToString("R", CultureInfo.InvariantCulture),
        OewsMarker.WageNotAvailable => "*",
        OewsMarker.EmploymentNotAvailable => "**",
        OewsMarker.FewEstablishments => "~",
        _ => "",
    };
}

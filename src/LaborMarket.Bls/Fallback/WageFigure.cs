using System.Text.Json.Serialization;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>
/// One figure of an answer and exactly where it came from. Formats as its number
/// (<c>$"{answer.AnnualMedian:N0}"</c> gives "84,290", or "&gt;= 239,200" for a top-coded figure).
/// </summary>
/// <param name="Value">The figure (with its marker: a top-coded value is a lower bound).</param>
/// <param name="Area">The area whose estimate was used.</param>
/// <param name="Soc">The occupation code whose estimate was used (a parent group after occupational fallback).</param>
/// <param name="Year">The survey year.</param>
public readonly record struct WageFigure(OewsValue Value, OewsAreaCode Area, SocCode Soc, int Year) : IFormattable
{
    /// <summary>The number (a lower bound when top-coded), or null when the cell has none.</summary>
    [JsonIgnore]
    public double? Amount => Value.Value;

    /// <inheritdoc cref="OewsValue.ToString(string?, IFormatProvider?)"/>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>The number as <see cref="OewsValue.ToString()"/> writes it.</summary>
    public override string ToString() => Value.ToString();
}

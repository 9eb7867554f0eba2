using System.Globalization;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Bls.Oews;

/// <summary>What an OEWS cell says besides (or instead of) a number.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<OewsMarker>))]
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

using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Bls.Oews;

/// <summary>The OEWS O_GROUP (OCC_GROUP) of a row.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<OccupationGroup>))]
public enum OccupationGroup : byte
{
    /// <summary>Not given by the file; inferred from the code.</summary>
    Unknown,

    /// <summary>All occupations (00-0000).</summary>
    Total,

    /// <summary>A major group.</summary>
    Major,

    /// <summary>A minor group.</summary>
    Minor,

    /// <summary>A broad occupation.</summary>
    Broad,

    /// <summary>A detailed occupation (OEWS lists broad occupations it publishes only as a whole twice: broad and detailed).</summary>
    Detailed,
}

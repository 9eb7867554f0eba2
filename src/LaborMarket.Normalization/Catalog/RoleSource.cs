using LaborMarket.Json;

using System.Text.Json.Serialization;

namespace LaborMarket.Normalization.Catalog;

/// <summary>Where a role came from.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<RoleSource>))]
public enum RoleSource
{
    /// <summary>The catalog embedded in the package.</summary>
    Embedded,

    /// <summary>A user's JSON catalog.</summary>
    Custom,

    /// <summary>An O*NET occupation loaded from the O*NET database files.</summary>
    Onet,
}

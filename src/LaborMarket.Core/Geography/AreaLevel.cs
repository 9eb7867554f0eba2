using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket;

/// <summary>The kind of area an OEWS estimate is published for.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<AreaLevel>))]
public enum AreaLevel
{
    /// <summary>The whole nation (area 99 / 0000000).</summary>
    National,

    /// <summary>A state, DC or territory (its two-digit FIPS code).</summary>
    State,

    /// <summary>A metropolitan statistical area or division (CBSA code, such as 45300).</summary>
    Metro,

    /// <summary>A nonmetropolitan area (seven digits: state FIPS + 5 digits, such as 1200006).</summary>
    Nonmetro,
}

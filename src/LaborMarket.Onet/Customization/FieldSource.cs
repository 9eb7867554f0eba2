using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Customization;

/// <summary>Where a field's value comes from.</summary>
[JsonConverter(typeof(SnakeCaseEnumJsonConverter<FieldSource>))]
public enum FieldSource
{
    /// <summary>The source's baseline (O*NET, CareerOneStop).</summary>
    Baseline,

    /// <summary>An override the app set.</summary>
    Custom,
}

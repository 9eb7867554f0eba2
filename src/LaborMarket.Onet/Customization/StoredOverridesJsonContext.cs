using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket.Onet.Customization;

/// <summary>Stored overrides as camelCase JSON without nulls, written and read without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredOverrides))]
internal sealed partial class StoredOverridesJsonContext : JsonSerializerContext
{
}

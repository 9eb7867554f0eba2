using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket;

/// <summary>Reads and writes a <see cref="CipCode"/> as its text ("51.3801", "51.38", "51").</summary>
public sealed class CipCodeJsonConverter : JsonConverter<CipCode>
{
    /// <inheritdoc/>
    public override CipCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && CipCode.TryParse(reader.GetString(), out var code)
            ? code
            : throw new JsonException("Expected a CIP code such as \"51.3801\".");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, CipCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());

    /// <inheritdoc/>
    public override CipCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        CipCode.TryParse(reader.GetString(), out var code) ? code : throw new JsonException("Expected a CIP code such as \"51.3801\".");

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, CipCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.ToString());
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket.Bls.Fallback;

/// <summary>
/// Writes a <see cref="WageLocation"/> as the one thing it names (<c>{"County":"12103"}</c>, <c>{"Area":"45300"}</c>,
/// <c>{"State":"FL"}</c>, <c>{"Place":"Tampa, FL"}</c>, or <c>{}</c> for the nation) and reads it back through
/// the location's factory methods. Reflection-free.
/// </summary>
public sealed class WageLocationJsonConverter : JsonConverter<WageLocation>
{
    /// <inheritdoc/>
    public override WageLocation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A wage location is a JSON object, not {reader.TokenType}.");
        }

        var location = WageLocation.Nation;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"Wage location field '{name}' is not a string.");
            location = Is(name, "County", options) ? WageLocation.ForCounty(Parse<CountyFips>(text))
                : Is(name, "Area", options) ? WageLocation.ForArea(Parse<OewsAreaCode>(text))
                : Is(name, "State", options) ? WageLocation.ForState(Parse<UsState>(text))
                : Is(name, "Place", options) ? WageLocation.ForPlace(text)
                : location;
        }

        return location;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, WageLocation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        writer.WriteStartObject();
        if (value.County is { } county)
        {
            writer.WriteString(Name("County", options), county.ToString());
        }
        else if (value.Area is { } area)
        {
            writer.WriteString(Name("Area", options), area.ToString());
        }
        else if (value.State is { } state)
        {
            writer.WriteString(Name("State", options), state.Code);
        }
        else if (value.Place is { } place)
        {
            writer.WriteString(Name("Place", options), place);
        }

        writer.WriteEndObject();
    }

    private static string Name(string name, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;

    private static bool Is(string? name, string field, JsonSerializerOptions options) =>
        string.Equals(name, field, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Name(field, options), StringComparison.Ordinal);

    private static T Parse<T>(string text)
        where T : struct, ISpanParsable<T> =>
        T.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : throw new JsonException($"'{text}' is not a {typeof(T).Name}.");
}

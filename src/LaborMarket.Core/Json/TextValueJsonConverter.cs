using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket.Json;

/// <summary>
/// Writes a small value type as its text ("15-1252", "29-1141.00", "CA", "12103", "45300") and reads it back
/// with its <see cref="ISpanParsable{TSelf}.TryParse(ReadOnlySpan{char}, IFormatProvider?, out TSelf)"/>; also
/// as a dictionary key. Reflection-free, so it works in trimmed and native AOT hosts.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class TextValueJsonConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(T).Name} is written as a JSON string, not {reader.TokenType}.");
        }

        return Parse(ref reader);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString()!);
    }

    private static T Parse(ref Utf8JsonReader reader)
    {
        // Codes are short: read them onto the stack, never through a string.
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        if (length > 64)
        {
            throw new JsonException($"'{Shorten(reader.GetString())}' is not a {typeof(T).Name}.");
        }

        Span<char> text = stackalloc char[64];
        var written = reader.CopyString(text);
        return T.TryParse(text[..written], CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"'{text[..written].ToString()}' is not a {typeof(T).Name}.");
    }

    private static string? Shorten(string? s) => s is { Length: > 40 } ? s[..40] + "..." : s;
}

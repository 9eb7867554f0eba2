using System.Globalization;
using System.Text.Json;

namespace LaborMarket.Onet;

/// <summary>
/// Lenient reads of API JSON: fields may be missing, null, numbers or strings ("103,000", "$45.10", "N/A"),
/// single objects where arrays are documented and the other way round.
/// </summary>
internal static class Json
{
    public static JsonElement? Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v : null;

    public static JsonElement? Get(this JsonElement e, string name, string alternate) => e.Get(name) ?? e.Get(alternate);

    public static string? String(this JsonElement e, string name) => e.Get(name) is { } v ? Text(v) : null;

    public static string? String(this JsonElement e, string name, string alternate) => e.String(name) ?? e.String(alternate);

    public static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => null,
    };

    /// <summary>A number given as a number or as text with commas, currency or percent signs; null for "N/A" and the like.</summary>
    public static double? Number(this JsonElement e, string name) => e.Get(name) is { } v ? Number(v) : null;

    public static double? Number(JsonElement v)
    {
        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetDouble();
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = v.GetString().AsSpan().Trim();
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        var n = 0;
        foreach (var c in text)
        {
            if (c is ',' or '$' or '%' or ' ')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return null;
            }

            buffer[n++] = c;
        }

        return double.TryParse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
    }

    public static bool Flag(this JsonElement e, string name) => e.Get(name) is { } v && v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => v.GetString() is { } s && (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("y", StringComparison.OrdinalIgnoreCase) || s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s == "1"),
        JsonValueKind.Number => v.TryGetInt32(out var i) && i != 0,
        _ => false,
    };

    /// <summary>The items of an array field; a single object counts as a one-item array; missing is empty.</summary>
    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) => e.Get(name) is { } v ? Items(v) : [];

    public static IEnumerable<JsonElement> Items(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Array => v.EnumerateArray(),
        JsonValueKind.Object => [v],
        _ => [],
    };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LaborMarket.Bls;
using LaborMarket.Normalization;
using LaborMarket.Onet;

namespace LaborMarket.Cli.Hosting;

/// <summary>
/// The JSON the CLI prints: the libraries' results as their source-generated contexts serialize them, with
/// snake_case names, indented, non-ASCII letters kept as they are.
/// </summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Writes <paramref name="value"/> and a line break.</summary>
    public static void WriteLine<T>(TextWriter writer, T value) => writer.WriteLine(JsonSerializer.Serialize(value, TypeInfo<T>()));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(NormalizationJsonContext.Default, BlsJsonContext.Default, OnetJsonContext.Default, CliJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }
}

using System.Text.Json.Serialization;

namespace LaborMarket.Inference.Registry;

/// <summary>The registry's own files (metrics.json, features.json), written and read without reflection.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;

namespace LaborMarket.Inference.Models;

/// <summary>The seed models' config.json, written and read without reflection (trimmed and AOT hosts).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(SalaryConfig))]
[JsonSerializable(typeof(ArchetypeModel.ArchetypeEncoding))]
[JsonSerializable(typeof(HeadcountModel.HeadcountEncoding))]
internal sealed partial class ModelConfigJsonContext : JsonSerializerContext
{
}

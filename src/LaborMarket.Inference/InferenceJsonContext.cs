using System.Text.Json.Serialization;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;

namespace LaborMarket.Inference;

/// <summary>
/// Source-generated System.Text.Json metadata for this package's results, so trimmed and native AOT hosts
/// serialize them without reflection: <c>JsonSerializer.Serialize(estimate, InferenceJsonContext.Default.SalaryEstimate)</c>.
/// A metric that is not a number (an AUC over one class) is written as "NaN". For other naming (snake_case,
/// camelCase) create one over your options:
/// <c>new InferenceJsonContext(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals })</c>,
/// or add <see cref="Default"/> to an ASP.NET Core host's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SalaryEstimate))]
[JsonSerializable(typeof(SalaryMetrics))]
[JsonSerializable(typeof(ArchetypeScore))]
[JsonSerializable(typeof(ArchetypeMetrics))]
[JsonSerializable(typeof(HeadcountMetrics))]
[JsonSerializable(typeof(RegressionMetrics))]
[JsonSerializable(typeof(BinaryMetrics))]
[JsonSerializable(typeof(JobRecord))]
[JsonSerializable(typeof(RawJobRow))]
[JsonSerializable(typeof(JobRecordBatch))]
[JsonSerializable(typeof(DataSplit))]
[JsonSerializable(typeof(IReadOnlyList<JobRecord>))]
[JsonSerializable(typeof(IReadOnlyList<SalaryEstimate>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
public sealed partial class InferenceJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Seniority;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization;

/// <summary>
/// Source-generated System.Text.Json metadata for this package's results, so trimmed and native AOT hosts
/// serialize them without reflection: <c>JsonSerializer.Serialize(match, NormalizationJsonContext.Default.TitleMatch)</c>.
/// For other naming (snake_case, camelCase) create one over your options:
/// <c>new NormalizationJsonContext(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })</c>,
/// or add <see cref="Default"/> to an ASP.NET Core host's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSerializable(typeof(TitleMatch))]
[JsonSerializable(typeof(TitleExplanation))]
[JsonSerializable(typeof(TitleCandidate))]
[JsonSerializable(typeof(Role))]
[JsonSerializable(typeof(TitleBatchReport))]
[JsonSerializable(typeof(UnmatchedTerm))]
[JsonSerializable(typeof(SeniorityLevel))]
[JsonSerializable(typeof(IReadOnlyList<TitleMatch>))]
[JsonSerializable(typeof(IReadOnlyList<TitleExplanation>))]
public sealed partial class NormalizationJsonContext : JsonSerializerContext
{
}

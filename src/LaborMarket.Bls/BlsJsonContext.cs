using System.Text.Json.Serialization;
using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;
using LaborMarket.Bls.Oflc;
using LaborMarket.Bls.PublicData;

namespace LaborMarket.Bls;

/// <summary>
/// Source-generated System.Text.Json metadata for this package's results, so trimmed and native AOT hosts
/// serialize them without reflection: <c>JsonSerializer.Serialize(answer, BlsJsonContext.Default.WageAnswer)</c>.
/// For other naming create one over your options:
/// <c>new BlsJsonContext(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })</c>,
/// or add <see cref="Default"/> to an ASP.NET Core host's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSerializable(typeof(WageAnswer))]
[JsonSerializable(typeof(WageFigure))]
[JsonSerializable(typeof(WageLocation))]
[JsonSerializable(typeof(OewsEstimate))]
[JsonSerializable(typeof(OewsValue))]
[JsonSerializable(typeof(OflcWageLevels))]
[JsonSerializable(typeof(CountyAreas))]
[JsonSerializable(typeof(BlsSeries))]
[JsonSerializable(typeof(IReadOnlyList<WageAnswer>))]
[JsonSerializable(typeof(IReadOnlyList<OewsEstimate>))]
public sealed partial class BlsJsonContext : JsonSerializerContext
{
}

using System.Text.Json.Serialization;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.Customization;
using LaborMarket.Onet.Enrichment;
using LaborMarket.Onet.FeaturedRoles;
using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;
using LaborMarket.Onet.WebServices;

namespace LaborMarket.Onet;

/// <summary>
/// Source-generated System.Text.Json metadata for this package's results, so trimmed and native AOT hosts
/// serialize them without reflection: <c>JsonSerializer.Serialize(profile, OnetJsonContext.Default.OccupationProfile)</c>.
/// For other naming create one over your options:
/// <c>new OnetJsonContext(new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })</c>,
/// or add <see cref="Default"/> to an ASP.NET Core host's <c>TypeInfoResolverChain</c>.
/// </summary>
[JsonSerializable(typeof(OccupationProfile))]
[JsonSerializable(typeof(OccupationSearchResult))]
[JsonSerializable(typeof(OccupationOverview))]
[JsonSerializable(typeof(CareerOneStopOccupation))]
[JsonSerializable(typeof(OccupationOverrides))]
[JsonSerializable(typeof(FieldDifference))]
[JsonSerializable(typeof(EnrichmentReport))]
[JsonSerializable(typeof(IReadOnlyList<OccupationProfile>))]
[JsonSerializable(typeof(IReadOnlyList<OccupationSearchResult>))]
[JsonSerializable(typeof(FeaturedRole))]
[JsonSerializable(typeof(FeaturedRoleProfile))]
[JsonSerializable(typeof(FeaturedRoleChange))]
[JsonSerializable(typeof(FeaturedRoleExport))]
[JsonSerializable(typeof(IReadOnlyList<SimilarRole>))]
[JsonSerializable(typeof(CrosswalkCounts))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(IReadOnlyList<OccupationField>))]
[JsonSerializable(typeof(ProgramsForOccupation))]
[JsonSerializable(typeof(OccupationsForProgram))]
[JsonSerializable(typeof(CrosswalkUnmatched))]
[JsonSerializable(typeof(SkillProfile))]
[JsonSerializable(typeof(IReadOnlyList<RelatedOccupation>))]
public sealed partial class OnetJsonContext : JsonSerializerContext
{
}

using System.Collections.Concurrent;

namespace LaborMarket.Onet.Enrichment;

/// <summary>The result of an enrichment run: the profiles, what was missing or failed, and coverage per field.</summary>
/// <param name="Source">The content source's name.</param>
/// <param name="Requested">How many codes were asked for.</param>
/// <param name="Profiles">The profiles found, in the order asked.</param>
/// <param name="NotFound">Valid codes the source does not know.</param>
/// <param name="Invalid">Inputs that are not SOC or O*NET-SOC codes.</param>
/// <param name="Failures">Codes whose fetch failed.</param>
/// <param name="Coverage">Coverage per field over the found profiles.</param>
public sealed record EnrichmentReport(
    string Source,
    int Requested,
    IReadOnlyList<OccupationProfile> Profiles,
    IReadOnlyList<string> NotFound,
    IReadOnlyList<string> Invalid,
    IReadOnlyList<EnrichmentFailure> Failures,
    FieldCoverage Coverage)
{
    /// <summary>Percent of requested codes with a profile.</summary>
    public double FoundPercent => Requested == 0 ? 0 : 100.0 * Profiles.Count / Requested;
}

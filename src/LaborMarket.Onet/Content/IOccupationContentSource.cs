
namespace LaborMarket.Onet;

/// <summary>
/// Occupation content from one source: the O*NET database files (offline), O*NET Web Services or CareerOneStop.
/// Code that needs tasks, tools and technology for an occupation takes this and works with any of them.
/// </summary>
public interface IOccupationContentSource
{
    /// <summary>The source's name, such as "O*NET database" (shown in reports and in <see cref="OccupationProfile.Source"/>).</summary>
    string Name { get; }

    /// <summary>Everything the source has about an occupation, or null when the code is unknown to it (never an exception for that).</summary>
    /// <param name="code">The O*NET-SOC code.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<OccupationProfile?> GetProfileAsync(OnetSocCode code, CancellationToken cancellationToken = default);
}

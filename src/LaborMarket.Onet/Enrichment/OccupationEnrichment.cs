using System.Collections.Concurrent;

namespace LaborMarket.Onet.Enrichment;

/// <summary>
/// Fetches occupation content for a list of codes with bounded concurrency and reports coverage per field.
/// One bad code or one failed request never stops the run: it is listed in the report.
/// </summary>
public static class OccupationEnrichment
{
    /// <summary>Fetches a profile for each code from <paramref name="source"/>.</summary>
    /// <param name="source">Where content comes from (the offline database, O*NET Web Services or CareerOneStop).</param>
    /// <param name="codes">SOC codes ("15-1252", taken as their ".00" occupation) or O*NET-SOC codes ("15-1252.00").</param>
    /// <param name="maxConcurrency">Requests in flight at most. Default 4.</param>
    /// <param name="progress">Told after each code, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<EnrichmentReport> EnrichAsync(
        IOccupationContentSource source,
        IEnumerable<string> codes,
        int maxConcurrency = 4,
        IProgress<EnrichmentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);

        var inputs = codes.ToArray();
        var parsed = new (string Input, OnetSocCode? Code)[inputs.Length];
        var invalid = new List<string>();
        for (var i = 0; i < inputs.Length; i++)
        {
            OnetSocCode? code = OnetSocCode.TryParse(inputs[i], out var onet) ? onet
                : SocCode.TryParse(inputs[i], out var soc) ? new OnetSocCode(soc, 0)
                : null;
            parsed[i] = (inputs[i], code);
            if (code is null)
            {
                invalid.Add(inputs[i]);
            }
        }

        var results = new OccupationProfile?[inputs.Length];
        var failures = new ConcurrentBag<(int Index, EnrichmentFailure Failure)>();
        var done = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, inputs.Length).Where(i => parsed[i].Code is not null),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                try
                {
                    results[i] = await source.GetProfileAsync(parsed[i].Code!.Value, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is LaborMarketApiException or HttpRequestException or TimeoutException)
                {
                    failures.Add((i, new EnrichmentFailure(parsed[i].Input, ex.Message)));
                }

                progress?.Report(new EnrichmentProgress(Interlocked.Increment(ref done), inputs.Length - invalid.Count, parsed[i].Input));
            }).ConfigureAwait(false);

        var profiles = results.OfType<OccupationProfile>().ToArray();
        var failed = failures.OrderBy(f => f.Index).Select(f => f.Failure).ToArray();
        var failedSet = failed.Select(f => f.Code).ToHashSet(StringComparer.Ordinal);
        var notFound = Enumerable.Range(0, inputs.Length)
            .Where(i => parsed[i].Code is not null && results[i] is null && !failedSet.Contains(parsed[i].Input))
            .Select(i => parsed[i].Input).ToArray();

        return new EnrichmentReport(source.Name, inputs.Length, profiles, notFound, invalid, failed, Coverage(profiles));
    }

    private static FieldCoverage Coverage(OccupationProfile[] p)
    {
        double Pct(Func<OccupationProfile, bool> has) => p.Length == 0 ? 0 : Math.Round(100.0 * p.Count(has) / p.Length, 1);
        return new FieldCoverage(
            Pct(x => x.Tasks.Count > 0),
            Pct(x => x.Tools.Count > 0),
            Pct(x => x.TechnologySkills.Count > 0),
            Pct(x => x.Education.Count > 0),
            Pct(x => x.JobZone is not null),
            Pct(x => x.Outlook is not null),
            Pct(x => x.Skills.Count > 0));
    }
}

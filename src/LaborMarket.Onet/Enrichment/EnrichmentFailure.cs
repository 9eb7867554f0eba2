using System.Collections.Concurrent;

namespace LaborMarket.Onet.Enrichment;

/// <summary>A code that could not be fetched, and why (the run goes on without it).</summary>
/// <param name="Code">The code as given.</param>
/// <param name="Error">The error message.</param>
public sealed record EnrichmentFailure(string Code, string Error);

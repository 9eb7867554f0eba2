using System.Collections.Concurrent;

namespace LaborMarket.Onet.Enrichment;

/// <summary>How far an enrichment run has got.</summary>
/// <param name="Completed">Codes done (found, missing or failed).</param>
/// <param name="Total">Codes to do.</param>
/// <param name="LastCode">The code just finished.</param>
public readonly record struct EnrichmentProgress(int Completed, int Total, string LastCode);

namespace LaborMarket.Onet.CareerOneStop;

/// <summary>Wage percentiles for one pay basis (annual or hourly), in dollars.</summary>
/// <param name="Pct10">10th percentile.</param>
/// <param name="Pct25">25th percentile.</param>
/// <param name="Median">Median.</param>
/// <param name="Pct75">75th percentile.</param>
/// <param name="Pct90">90th percentile.</param>
public sealed record WagePercentiles(decimal? Pct10, decimal? Pct25, decimal? Median, decimal? Pct75, decimal? Pct90);

namespace LaborMarket.Inference.Models;

/// <summary>A salary estimate: the median and an interval.</summary>
/// <param name="P10">10th percentile (the interval's low end).</param>
/// <param name="Median">Median.</param>
/// <param name="P90">90th percentile (the interval's high end).</param>
public sealed record SalaryEstimate(double P10, double Median, double P90);

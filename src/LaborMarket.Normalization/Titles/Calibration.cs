namespace LaborMarket.Normalization.Titles;

/// <summary>
/// Turns match evidence into the probability that the SOC code is right. Logistic regressions fitted on
/// real labeled titles the dictionary had not seen: every tenth O*NET 27.0 alternate and reported title
/// (held out of the dictionary) and the H-1B FY2016 sample (SOC 2010 labels mapped to 2018).
/// TitleQualityTests re-measures the calibration on every run.
/// </summary>
internal static class Calibration
{
    public static double Exact(float share, bool wordSet, bool catalogRole) =>
        Logistic(-3.642 + (3.156 * share) + (wordSet ? 0.188 : 0) + (catalogRole ? 1.117 : 0));

    public static double Scored(float score, float margin, bool fuzzy, int unknownWords) =>
        Logistic(-2.679 + (4.548 * score) + (0.776 * margin) - (fuzzy ? 1.143 : 0) - (0.265 * unknownWords));

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}

using System.Globalization;

namespace LaborMarket.Inference.Training;

/// <summary>
/// How one feature's values map to histogram bins. Numerical: ascending upper bounds (value &lt;= bound), and a
/// last bin for NaN when the training data has any. Categorical: one bin per category (most frequent first) and
/// a last bin for negative, missing and unseen codes, which always go right.
/// </summary>
internal sealed class FeatureBins
{
    private double[] _upper = [];
    private readonly Dictionary<int, int> _categoryBin = [];

    private FeatureBins(bool categorical)
    {
        IsCategorical = categorical;
    }

    public bool IsCategorical { get; }

    /// <summary>Bins holding values (not counting the missing bin).</summary>
    public int ValueBins { get; private init; }

    /// <summary>True when a missing (NaN, or for categories other) bin exists, at index <see cref="ValueBins"/>.</summary>
    public bool HasMissingBin { get; private init; }

    public int TotalBins => ValueBins + (HasMissingBin ? 1 : 0);

    /// <summary>The category of each categorical bin.</summary>
    public int[] Categories { get; private init; } = [];

    public double Min { get; private init; }

    public double Max { get; private init; }

    /// <summary>The split threshold for "bins up to <paramref name="bin"/> go left".</summary>
    public double Threshold(int bin) => _upper[bin];

    public byte Bin(double value)
    {
        if (IsCategorical)
        {
            return (byte)(!double.IsNaN(value) && value >= 0 && value < int.MaxValue && _categoryBin.TryGetValue((int)value, out var c) ? c : ValueBins);
        }

        if (double.IsNaN(value))
        {
            if (HasMissingBin)
            {
                return (byte)ValueBins;
            }

            value = 0; // as LightGBM predicts a feature trained without missing values
        }

        // First bound at or above the value.
        int lo = 0, hi = ValueBins - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (value <= _upper[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return (byte)lo;
    }

    /// <summary>LightGBM's feature_infos entry: "[min:max]", the categories "c1:c2:...", or "none".</summary>
    public string Info() => IsCategorical
        ? (Categories.Length == 0 ? "none" : string.Join(':', Categories.Select(c => c.ToString(CultureInfo.InvariantCulture))))
        : ValueBins <= 1 && Min == Max ? "none"
        : $"[{Min.ToString("R", CultureInfo.InvariantCulture)}:{Max.ToString("R", CultureInfo.InvariantCulture)}]";

    public static FeatureBins Numerical(ReadOnlySpan<double> sample, int maxBin, int minDataInBin)
    {
        var values = new List<double>(sample.Length);
        var hasNaN = false;
        foreach (var v in sample)
        {
            if (double.IsNaN(v))
            {
                hasNaN = true;
            }
            else
            {
                values.Add(v);
            }
        }

        values.Sort();
        var distinct = new List<(double Value, int Count)>();
        foreach (var v in values)
        {
            if (distinct.Count > 0 && distinct[^1].Value == v)
            {
                distinct[^1] = (v, distinct[^1].Count + 1);
            }
            else
            {
                distinct.Add((v, 1));
            }
        }

        var bins = hasNaN ? maxBin - 1 : maxBin;
        var upper = new List<double>();
        if (distinct.Count <= bins)
        {
            for (var i = 0; i + 1 < distinct.Count; i++)
            {
                upper.Add(Midpoint(distinct[i].Value, distinct[i + 1].Value));
            }
        }
        else
        {
            // Equal-frequency bins over the distinct values, each with at least minDataInBin rows.
            var perBin = Math.Max(minDataInBin, values.Count / (double)bins);
            var inBin = 0;
            var rest = values.Count;
            for (var i = 0; i + 1 < distinct.Count && upper.Count < bins - 1; i++)
            {
                inBin += distinct[i].Count;
                rest -= distinct[i].Count;
                var target = Math.Max(minDataInBin, rest / (double)Math.Max(1, bins - 1 - upper.Count));
                if (inBin >= Math.Min(perBin, target) && inBin >= minDataInBin)
                {
                    upper.Add(Midpoint(distinct[i].Value, distinct[i + 1].Value));
                    inBin = 0;
                }
            }
        }

        upper.Add(double.PositiveInfinity);
        return new FeatureBins(false)
        {
            _upper = upper.ToArray(),
            ValueBins = upper.Count,
            HasMissingBin = hasNaN,
            Min = values.Count > 0 ? values[0] : 0,
            Max = values.Count > 0 ? values[^1] : 0,
        };
    }

    public static FeatureBins Categorical(ReadOnlySpan<double> sample)
    {
        var counts = new Dictionary<int, int>();
        foreach (var v in sample)
        {
            if (!double.IsNaN(v) && v >= 0 && v < int.MaxValue)
            {
                var c = (int)v;
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        // Most frequent first; at most 254 categories get their own bin (the rest share the "other" bin).
        var categories = counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(254).Select(p => p.Key).ToArray();
        var bins = new FeatureBins(true)
        {
            Categories = categories,
            ValueBins = categories.Length,
            HasMissingBin = true,
        };
        for (var i = 0; i < categories.Length; i++)
        {
            bins._categoryBin[categories[i]] = i;
        }

        return bins;
    }

    // The split value between two neighbours, as LightGBM picks it: the midpoint, or the lower value when the
    // midpoint rounds onto the upper one.
    private static double Midpoint(double a, double b)
    {
        var mid = a + ((b - a) / 2);
        return mid >= b ? a : mid;
    }
}

namespace LaborMarket.Inference.Models;

/// <summary>Train, validation and test rows.</summary>
/// <param name="Train">Training row indexes.</param>
/// <param name="Validation">Validation row indexes (early stopping, threshold tuning).</param>
/// <param name="Test">Held-out row indexes (the reported metrics).</param>
public sealed record DataSplit(IReadOnlyList<int> Train, IReadOnlyList<int> Validation, IReadOnlyList<int> Test)
{
    /// <summary>A random 70/15/15 split (or other fractions) for a seed.</summary>
    /// <param name="count">Rows.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="train">Training share. Default 0.7.</param>
    /// <param name="validation">Validation share. Default 0.15.</param>
    public static DataSplit Random(int count, int seed = 42, double train = 0.7, double validation = 0.15)
    {
        Check(count, train, validation);
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return Cut(order, train, validation);
    }

    /// <summary>A time-based split: the oldest rows train, the newest test (rows without a date come first).</summary>
    /// <param name="dates">Each row's date.</param>
    /// <param name="train">Training share. Default 0.7.</param>
    /// <param name="validation">Validation share. Default 0.15.</param>
    public static DataSplit ByTime(IReadOnlyList<DateOnly?> dates, double train = 0.7, double validation = 0.15)
    {
        ArgumentNullException.ThrowIfNull(dates);
        Check(dates.Count, train, validation);
        var order = Enumerable.Range(0, dates.Count).OrderBy(i => dates[i] ?? DateOnly.MinValue).ThenBy(i => i).ToArray();
        return Cut(order, train, validation);
    }

    private static DataSplit Cut(int[] order, double train, double validation)
    {
        var a = (int)Math.Round(order.Length * train);
        var b = (int)Math.Round(order.Length * (train + validation));
        return new DataSplit(order[..a], order[a..b], order[b..]);
    }

    private static void Check(int count, double train, double validation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (train <= 0 || validation < 0 || train + validation >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(train), "shares must be positive and leave rows for the test split");
        }
    }
}

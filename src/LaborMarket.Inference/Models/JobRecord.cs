namespace LaborMarket.Inference.Models;

/// <summary>
/// One normalized job record, the input of the salary, archetype and headcount models: the role and seniority
/// a title normalized to, where the job is, who offers it, where the record came from, and its pay.
/// </summary>
/// <param name="Role">The canonical role (or SOC code) the title normalized to.</param>
/// <param name="Seniority">The seniority level ("senior", "manager", ...).</param>
/// <param name="Location">State code or metro area code.</param>
/// <param name="Employer">The employer or department.</param>
/// <param name="Source">The data source ("h1b", "payroll", ...).</param>
/// <param name="Salary">Annual pay, or null when unknown.</param>
/// <param name="Date">When the record was made, or null (time-based splits need it).</param>
public sealed record JobRecord(string Role, string Seniority, string Location, string Employer, string Source, double? Salary = null, DateOnly? Date = null)
{
    /// <summary>The archetype: role, seniority and location.</summary>
    public string Archetype => $"{Role}|{Seniority}|{Location}";
}

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

/// <summary>Integer codes for a categorical feature, most frequent value first; unseen values read as missing.</summary>
public sealed class CategoryCodes
{
    private readonly Dictionary<string, int> _codes;

    /// <summary>Creates codes from values seen in training.</summary>
    /// <param name="values">The values.</param>
    public CategoryCodes(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values.GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToArray();
        _codes = Values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>The values, by code.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>The code of a value, or NaN when it was not seen in training.</summary>
    /// <param name="value">The value.</param>
    public double Code(string value) => _codes.TryGetValue(value, out var c) ? c : double.NaN;
}

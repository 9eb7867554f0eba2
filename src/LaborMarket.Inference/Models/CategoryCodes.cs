namespace LaborMarket.Inference.Models;

/// <summary>Integer codes for a categorical feature, most frequent value first; unseen values read as missing.</summary>
internal sealed class CategoryCodes
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

using System.Collections.Frozen;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// A frozen string-keyed map that is read with <see cref="ReadOnlySpan{T}"/> keys: allocation-free on
/// .NET 9 and later through the dictionary's alternate lookup, with a string key on .NET 8.
/// </summary>
internal sealed class SpanLookup<TValue>
{
    private readonly FrozenDictionary<string, TValue> _map;
#if NET9_0_OR_GREATER
    private readonly FrozenDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _spans;
#endif

    public SpanLookup(IEnumerable<KeyValuePair<string, TValue>> items)
    {
        _map = items.ToFrozenDictionary(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _spans = _map.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value)
    {
#if NET9_0_OR_GREATER
        return _spans.TryGetValue(key, out value!);
#else
        return _map.TryGetValue(key.ToString(), out value!);
#endif
    }

}

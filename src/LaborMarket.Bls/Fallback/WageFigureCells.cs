using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>One figure as found while walking the chain: the number, its marker, code, year and area (by place in the chain).</summary>
internal readonly struct WageFigureCell
{
    private readonly double _value;
    private readonly SocCode _soc;
    private readonly short _year;
    private readonly OewsMarker _marker;
    private readonly byte _at; // place in the chain + 1; 0: not found

    public WageFigureCell(OewsValue value, int at, SocCode soc, int year)
    {
        _value = value.Value ?? double.NaN;
        _marker = value.Marker;
        _at = checked((byte)(at + 1));
        _soc = soc;
        _year = checked((short)year);
    }

    public bool Found => _at != 0;

    public WageFigure? Figure(OewsAreaCode[] areas) =>
        _at == 0 ? null : new WageFigure(new OewsValue(double.IsNaN(_value) ? null : _value, _marker), areas[_at - 1], _soc, _year);
}

/// <summary>The six figures of an answer (median, p10, p90, mean, hourly median, employment) while it is worked out.</summary>
[System.Runtime.CompilerServices.InlineArray(Count)]
internal struct WageFigureCells
{
    public const int Count = 6;
    private WageFigureCell _first;
}

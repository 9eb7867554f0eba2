using System.Text;
using LaborMarket.Normalization;
using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// The wage index file: "LMWAGE" + version, a string table (area and occupation titles), then one fixed-layout
/// record per row. Little-endian throughout (BinaryWriter).
/// </summary>
internal static class WageIndexFile
{
    private const string Magic = "LMWAGE";
    private const int Version = 1;

    public static void Write(WageIndex index, Stream stream)
    {
        var rows = index.Rows.ToList();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Str(string s)
        {
            if (!strings.TryGetValue(s, out var i))
            {
                strings[s] = i = table.Count;
                table.Add(s);
            }

            return i;
        }

        foreach (var r in rows)
        {
            Str(r.AreaTitle);
            Str(r.OccupationTitle);
        }

        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(Version);
        w.Write(table.Count);
        foreach (var s in table)
        {
            w.Write(s);
        }

        w.Write(rows.Count);
        foreach (var r in rows)
        {
            w.Write((byte)r.Area.Level);
            w.Write(r.Area.Value);
            w.Write(r.Soc.Value);
            w.Write((byte)r.Group);
            w.Write((short)r.Year);
            w.Write((byte)((r.AnnualOnly ? 1 : 0) | (r.HourlyOnly ? 2 : 0)));
            w.Write(strings[r.AreaTitle]);
            w.Write(strings[r.OccupationTitle]);
            foreach (var v in Values(r))
            {
                w.Write((byte)v.Marker);
                w.Write(v.Value ?? double.NaN);
            }
        }
    }

    public static IEnumerable<OewsEstimate> Read(Stream stream, string source)
    {
        var rows = new List<OewsEstimate>();
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var magic = Encoding.ASCII.GetString(r.ReadBytes(Magic.Length));
            if (magic != Magic)
            {
                throw new LaborMarketFormatException(source, 0, "magic", "not a LaborMarket wage index file");
            }

            var version = r.ReadInt32();
            if (version != Version)
            {
                throw new LaborMarketFormatException(source, 0, "version", $"wage index version {version}; this library reads version {Version}");
            }

            var table = new string[Count(r.ReadInt32(), source, "strings")];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = r.ReadString();
            }

            var count = Count(r.ReadInt32(), source, "rows");
            rows.Capacity = count;
            var v = new OewsValue[9]; // copied into each record (a struct per field), so one buffer serves every row
            for (var i = 0; i < count; i++)
            {
                var level = (AreaLevel)r.ReadByte();
                var areaValue = r.ReadInt32();
                var soc = r.ReadInt32();
                var group = (OccupationGroup)r.ReadByte();
                var year = r.ReadInt16();
                var flags = r.ReadByte();
                var areaTitle = table[Index(r.ReadInt32(), table.Length, source, i)];
                var occTitle = table[Index(r.ReadInt32(), table.Length, source, i)];
                for (var k = 0; k < v.Length; k++)
                {
                    var marker = (OewsMarker)r.ReadByte();
                    var value = r.ReadDouble();
                    v[k] = new OewsValue(double.IsNaN(value) ? null : value, marker);
                }

                rows.Add(new OewsEstimate
                {
                    Area = Area(level, areaValue, source, i),
                    AreaTitle = areaTitle,
                    Soc = soc is >= 0 and <= 999_999 ? SocCode.FromValue(soc) : throw new LaborMarketFormatException(source, i + 1, "soc", $"bad code {soc}"),
                    OccupationTitle = occTitle,
                    Group = group,
                    Year = year,
                    AnnualOnly = (flags & 1) != 0,
                    HourlyOnly = (flags & 2) != 0,
                    Employment = v[0], HourlyMean = v[1], AnnualMean = v[2], HourlyMedian = v[3],
                    AnnualP10 = v[4], AnnualP25 = v[5], AnnualMedian = v[6], AnnualP75 = v[7], AnnualP90 = v[8],
                });
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new LaborMarketFormatException(source, rows.Count + 1, null, $"the file ends after {rows.Count} rows: it is truncated", ex);
        }

        return rows;
    }

    private static OewsValue[] Values(OewsEstimate r) =>
        [r.Employment, r.HourlyMean, r.AnnualMean, r.HourlyMedian, r.AnnualP10, r.AnnualP25, r.AnnualMedian, r.AnnualP75, r.AnnualP90];

    private static OewsAreaCode Area(AreaLevel level, int value, string source, int row)
    {
        var text = level switch
        {
            AreaLevel.National => "99",
            AreaLevel.State => value.ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
            AreaLevel.Metro => value.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
        };
        return OewsAreaCode.TryParse(text, out var area) && area.Level == level
            ? area
            : throw new LaborMarketFormatException(source, row + 1, "area", $"bad area {level} {value}");
    }

    private static int Count(int n, string source, string what) =>
        n is >= 0 and <= 50_000_000 ? n : throw new LaborMarketFormatException(source, 0, what, $"bad {what} count {n}");

    private static int Index(int i, int length, string source, int row) =>
        i >= 0 && i < length ? i : throw new LaborMarketFormatException(source, row + 1, "string", $"string index {i} out of range");
}

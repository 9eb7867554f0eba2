using System.Buffers.Binary;
using System.Text;

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

    /// <summary>
    /// Reads a whole file from memory into compact records: one array, no object per row until a row is asked for
    /// (see <see cref="Stored.Create"/>), so a large index loads in milliseconds.
    /// </summary>
    public static Stored Read(ReadOnlySpan<byte> data, string source)
    {
        var at = 0;
        var done = 0;
        try
        {
            if (!data[..Magic.Length].SequenceEqual("LMWAGE"u8))
            {
                throw new LaborMarketFormatException(source, 0, "magic", "not a LaborMarket wage index file");
            }

            at = Magic.Length;
            var version = Int32(data, ref at);
            if (version != Version)
            {
                throw new LaborMarketFormatException(source, 0, "version", $"wage index version {version}; this library reads version {Version}");
            }

            var table = new string[Count(Int32(data, ref at), source, "strings")];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = String(data, ref at);
            }

            var count = Count(Int32(data, ref at), source, "rows");
            var records = new Record[count];
            var areas = new Dictionary<long, OewsAreaCode>();
            for (var i = 0; i < count; i++, done++)
            {
                var r = data.Slice(at, RecordSize); // throws past the end: a truncated file
                at += RecordSize;
                var level = (AreaLevel)r[0];
                var areaValue = BinaryPrimitives.ReadInt32LittleEndian(r[1..]);
                var soc = BinaryPrimitives.ReadInt32LittleEndian(r[5..]);
                var key = ((long)level << 32) | (uint)areaValue;
                if (!areas.TryGetValue(key, out var area))
                {
                    areas[key] = area = Area(level, areaValue, source, i);
                }

                ref var record = ref records[i];
                record.Area = area;
                record.Soc = soc is >= 0 and <= 999_999 ? SocCode.FromValue(soc) : throw new LaborMarketFormatException(source, i + 1, "soc", $"bad code {soc}");
                record.Group = (OccupationGroup)r[9];
                record.Year = BinaryPrimitives.ReadInt16LittleEndian(r[10..]);
                record.Flags = r[12];
                record.AreaTitle = Index(BinaryPrimitives.ReadInt32LittleEndian(r[13..]), table.Length, source, i);
                record.OccupationTitle = Index(BinaryPrimitives.ReadInt32LittleEndian(r[17..]), table.Length, source, i);
                for (var k = 0; k < 9; k++)
                {
                    record.Values[k] = Value(r, k);
                }
            }

            return new Stored(records, table);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new LaborMarketFormatException(source, done + 1, null, $"the file ends after {done} rows: it is truncated", ex);
        }
    }

    /// <summary>The nine figures of a record, inline.</summary>
    [System.Runtime.CompilerServices.InlineArray(9)]
    internal struct NineValues
    {
        private OewsValue _first;
    }

    /// <summary>One row as stored: codes, title indexes and figures.</summary>
    internal struct Record
    {
        public OewsAreaCode Area;
        public SocCode Soc;
        public OccupationGroup Group;
        public short Year;
        public byte Flags;
        public int AreaTitle;
        public int OccupationTitle;
        public NineValues Values;
    }

    /// <summary>The rows of a loaded file, made into <see cref="OewsEstimate"/> objects one at a time when asked for.</summary>
    internal sealed class Stored(Record[] records, string[] table)
    {
        public int Count => records.Length;

        public ref readonly Record this[int i] => ref records[i];

        public string Title(int index) => table[index];

        public OewsEstimate Create(int i)
        {
            ref readonly var r = ref records[i];
            return new OewsEstimate
            {
                Area = r.Area,
                AreaTitle = table[r.AreaTitle],
                Soc = r.Soc,
                OccupationTitle = table[r.OccupationTitle],
                Group = r.Group,
                Year = r.Year,
                AnnualOnly = (r.Flags & 1) != 0,
                HourlyOnly = (r.Flags & 2) != 0,
                Employment = r.Values[0], HourlyMean = r.Values[1], AnnualMean = r.Values[2], HourlyMedian = r.Values[3],
                AnnualP10 = r.Values[4], AnnualP25 = r.Values[5], AnnualMedian = r.Values[6], AnnualP75 = r.Values[7], AnnualP90 = r.Values[8],
            };
        }
    }

    // level(1) area(4) soc(4) group(1) year(2) flags(1) area title(4) occupation title(4), then 9 x (marker(1) value(8)).
    private const int RecordSize = 21 + (9 * 9);

    private static OewsValue Value(ReadOnlySpan<byte> record, int k)
    {
        var offset = 21 + (k * 9);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(record[(offset + 1)..]);
        return new OewsValue(double.IsNaN(value) ? null : value, (OewsMarker)record[offset]);
    }

    private static int Int32(ReadOnlySpan<byte> data, ref int at)
    {
        var v = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
        at += 4;
        return v;
    }

    // BinaryWriter's string: a 7-bit encoded byte length, then UTF-8.
    private static string String(ReadOnlySpan<byte> data, ref int at)
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            if (shift > 28)
            {
                throw new ArgumentOutOfRangeException(nameof(data), "bad string length");
            }
        }

        var s = Encoding.UTF8.GetString(data.Slice(at, length));
        at += length;
        return s;
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

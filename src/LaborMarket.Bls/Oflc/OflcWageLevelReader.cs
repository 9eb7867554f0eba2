using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Oflc;

/// <summary>
/// Streams OFLC prevailing-wage levels from CSV (or .csv.gz) with the columns
/// <c>area_code, area_name, soc_code, level1_hourly, level2_hourly, level3_hourly, level4_hourly</c>.
/// </summary>
public static class OflcWageLevelReader
{
    private static readonly string[] Columns = ["area_code", "area_name", "soc_code", "level1_hourly", "level2_hourly", "level3_hourly", "level4_hourly"];

    /// <summary>Reads every row of a file.</summary>
    /// <param name="path">The CSV or CSV.gz file.</param>
    /// <param name="errors">When given, bad rows are added here and reading goes on; otherwise the first bad row throws.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="LaborMarketFormatException">A wrong header, or (without <paramref name="errors"/>) a bad row.</exception>
    public static async IAsyncEnumerable<OflcWageLevels> ReadFileAsync(string path, ICollection<LaborMarketFormatException>? errors = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = Path.GetFileName(path);
        using var reader = new StreamReader(OewsCsvReader.OpenFile(path), Encoding.UTF8);
        var lines = new CsvText.LineBuffer();
        var parser = default(RowParser);
        long line = 0;
        while (await lines.FillAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            while (lines.TryTakeLine(out var start, out var length))
            {
                line++;
                if (parser is null)
                {
                    parser = new RowParser(new string(lines.Chars, start, length), source);
                    continue;
                }

                if (length == 0)
                {
                    continue;
                }

                OflcWageLevels row;
                try
                {
                    row = parser.Parse(lines.Chars.AsSpan(start, length), line);
                }
                catch (LaborMarketFormatException ex) when (errors is not null)
                {
                    errors.Add(ex);
                    continue;
                }

                yield return row;
            }
        }

        if (parser is null)
        {
            throw new LaborMarketFormatException(source, 1, null, "the file is empty (no header row)");
        }
    }

    private sealed class RowParser
    {
        private readonly int[] _map;
        private readonly string _source;
        private readonly int _needed;
        private (int Start, int Length)[] _fields = new (int, int)[16];
        private string _lastAreaName = "";

        public RowParser(string header, string source)
        {
            _source = source;
            header = header.TrimStart('\uFEFF');
            var count = CsvText.Split(header, ref _fields);
            var names = _fields.Take(count).Select(f => header.Substring(f.Start, f.Length).Trim().Trim('"')).ToArray();
            _map = Columns.Select(c => Array.FindIndex(names, n => n.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
            for (var c = 0; c < _map.Length; c++)
            {
                if (_map[c] < 0)
                {
                    throw new LaborMarketFormatException(source, 1, Columns[c], $"not an OFLC wage-level file: no {Columns[c]} column");
                }
            }

            _needed = _map.Max();
        }

        public OflcWageLevels Parse(ReadOnlySpan<char> text, long line)
        {
            var count = CsvText.Split(text, ref _fields);
            if (count <= _needed)
            {
                throw new LaborMarketFormatException(_source, line, Columns[Array.IndexOf(_map, _needed)], $"the row has {count} fields; it is cut short");
            }

            var fields = _fields;
            ReadOnlySpan<char> Field(ReadOnlySpan<char> t, int c) => Unquote(t.Slice(fields[_map[c]].Start, fields[_map[c]].Length));

            var area = OewsAreaCode.TryParse(Field(text, 0), null, out var a) ? a
                : throw new LaborMarketFormatException(_source, line, "area_code", $"'{Field(text, 0).ToString()}' is not an OEWS area code");
            var soc = SocCode.TryParse(Field(text, 2), out var s) ? s
                : throw new LaborMarketFormatException(_source, line, "soc_code", $"'{Field(text, 2).ToString()}' is not a SOC code");
            var name = Field(text, 1);
            if (!name.SequenceEqual(_lastAreaName))
            {
                _lastAreaName = name.ToString(); // rows come grouped by area: one string per area
            }

            return new OflcWageLevels(area, _lastAreaName, soc,
                Level(Field(text, 3), 3, line), Level(Field(text, 4), 4, line), Level(Field(text, 5), 5, line), Level(Field(text, 6), 6, line));
        }

        private double? Level(ReadOnlySpan<char> cell, int column, long line)
        {
            cell = cell.Trim();
            if (cell.IsEmpty)
            {
                return null;
            }

            return CsvText.TryParseSimple(cell, out var v)
                || (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v) && v >= 0)
                ? v
                : throw new LaborMarketFormatException(_source, line, Columns[column], $"'{cell.ToString()}' is not an hourly wage");
        }

        private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> f) =>
            f.Length >= 2 && f[0] == '"' && f[^1] == '"' ? f[1..^1] : f;
    }
}

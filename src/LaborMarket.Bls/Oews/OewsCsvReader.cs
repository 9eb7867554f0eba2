using System.Globalization;
using System.IO.Compression;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// Streams OEWS estimates from CSV exports of the official downloads (national, state, metro, nonmetro,
/// all-data) and from extracts with fewer columns. Header names are matched without regard to case,
/// <c>O_GROUP</c> and <c>OCC_GROUP</c> are both accepted, and industry-specific rows are skipped
/// (cross-industry only). Memory stays flat however long the file is.
/// </summary>
public static class OewsCsvReader
{
    private static readonly string[] Columns =
    [
        "AREA", "AREA_TITLE", "OCC_CODE", "OCC_TITLE", "O_GROUP", "TOT_EMP", "H_MEAN", "A_MEAN", "H_MEDIAN",
        "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90", "ANNUAL", "HOURLY", "NAICS", "YEAR",
    ];

    private enum C
    {
        Area, AreaTitle, OccCode, OccTitle, Group, TotEmp, HMean, AMean, HMedian, AP10, AP25, AMedian, AP75, AP90, Annual, Hourly, Naics, Year,
    }

    /// <summary>Opens a file for <see cref="ReadAsync(Stream, string, int?, ICollection{LaborMarketFormatException}?, CancellationToken)"/>, unzipping <c>.gz</c>.</summary>
    public static Stream OpenFile(string path)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    /// <summary>Reads every cross-industry row of a file (csv or csv.gz).</summary>
    public static IAsyncEnumerable<OewsEstimate> ReadFileAsync(string path, int? year = null, ICollection<LaborMarketFormatException>? errors = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadCoreAsync(OpenFile(path), Path.GetFileName(path), year, errors, disposeStream: true, cancellationToken);
    }

    /// <summary>Reads every cross-industry row of an OEWS CSV stream.</summary>
    /// <param name="stream">The CSV text (UTF-8 or Windows-1252 titles are both read; only ASCII matters for codes and numbers).</param>
    /// <param name="sourceName">The file name, used in errors and to find the year ("national_M2024_dl.csv").</param>
    /// <param name="year">The survey year when neither a YEAR column nor the name says it.</param>
    /// <param name="errors">When given, bad rows are added here and reading goes on; otherwise the first bad row throws.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="LaborMarketFormatException">A wrong header, or (without <paramref name="errors"/>) a bad row.</exception>
    public static IAsyncEnumerable<OewsEstimate> ReadAsync(Stream stream, string sourceName, int? year = null,
        ICollection<LaborMarketFormatException>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return ReadCoreAsync(stream, sourceName, year, errors, disposeStream: false, cancellationToken);
    }

    private static async IAsyncEnumerable<OewsEstimate> ReadCoreAsync(Stream stream, string source, int? year,
        ICollection<LaborMarketFormatException>? errors, bool disposeStream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Latin-1 maps every byte to a char: Windows-1252 titles stay readable and nothing fails to decode.
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: !disposeStream);
        var lines = new CsvText.LineBuffer();
        RowParser? rows = null;
        while (await lines.FillAsync(reader, cancellationToken).ConfigureAwait(false))
        {
            while (lines.TryTakeLine(out var start, out var length))
            {
                if (rows is null)
                {
                    rows = new RowParser(source, year, new string(lines.Chars, start, length), errors);
                }
                else if (rows.Parse(lines.Chars.AsSpan(start, length)) is { } row)
                {
                    yield return row;
                }
            }
        }

        if (rows is null)
        {
            _ = new RowParser(source, year, null, errors); // throws: no header
        }
    }

    // Local files for an index are read synchronously (the folder loader runs inside DI factories).
    internal static IEnumerable<OewsEstimate> ReadFile(string path, ICollection<LaborMarketFormatException>? errors)
    {
        using var reader = new StreamReader(OpenFile(path), Encoding.Latin1, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var rows = new RowParser(Path.GetFileName(path), null, reader.ReadLine(), errors);
        while (reader.ReadLine() is { } text)
        {
            if (rows.Parse(text) is { } row)
            {
                yield return row;
            }
        }
    }

    /// <summary>The state of reading one file: its header map, year, line number and interned titles.</summary>
    internal sealed class RowParser
    {
        private readonly string _source;
        private readonly int[] _map;
        private readonly int? _year;
        private readonly ICollection<LaborMarketFormatException>? _errors;
        private readonly Titles _titles = new();
        private (int Start, int Length)[] _fields = new (int, int)[64];
        private long _line = 1;

        public RowParser(string source, int? year, string? header, ICollection<LaborMarketFormatException>? errors)
        {
            _source = source;
            _map = MapHeader(header ?? throw new LaborMarketFormatException(source, 1, null, "the file is empty (no header row)"), source);
            _year = year ?? YearFromName(source);
            _errors = errors;
        }

        /// <summary>The row, or null for a blank line, an industry row or (when collecting errors) a bad row.</summary>
        public OewsEstimate? Parse(ReadOnlySpan<char> text) => Parse(text, _line + 1);

        /// <summary>As <see cref="Parse(ReadOnlySpan{char})"/>, for a row whose number the caller knows (a spreadsheet may skip rows).</summary>
        public OewsEstimate? Parse(ReadOnlySpan<char> text, long line)
        {
            _line = line;
            if (text.Length == 0)
            {
                return null;
            }

            try
            {
                var count = CsvText.Split(text, ref _fields);
                return OewsCsvReader.Parse(text, _fields.AsSpan(0, count), _map, _source, _line, _year, _titles);
            }
            catch (LaborMarketFormatException ex) when (_errors is not null)
            {
                _errors.Add(ex);
                return null;
            }
        }
    }

    private static int[] MapHeader(string header, string source)
    {
        header = header.TrimStart('\uFEFF');
        var bounds = new (int Start, int Length)[64];
        var n = CsvText.Split(header, ref bounds);
        var names = bounds.Take(n).Select(f => header.Substring(f.Start, f.Length).Trim().Trim('"').ToUpperInvariant()).ToArray();
        var map = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            map[c] = Array.IndexOf(names, Columns[c]);
        }

        if (map[(int)C.Group] < 0)
        {
            map[(int)C.Group] = Array.IndexOf(names, "OCC_GROUP");
        }

        foreach (var required in new[] { C.Area, C.OccCode })
        {
            if (map[(int)required] < 0)
            {
                throw new LaborMarketFormatException(source, 1, Columns[(int)required],
                    $"not an OEWS file: the header has no {Columns[(int)required]} column ({string.Join(",", names.Take(8))}...)");
            }
        }

        if (names.Length > 0 && !names.Any(n => n is "A_MEDIAN" or "A_MEAN" or "H_MEDIAN" or "H_MEAN" or "TOT_EMP"))
        {
            throw new LaborMarketFormatException(source, 1, "A_MEDIAN", "not an OEWS file: the header has no employment or wage column");
        }

        return map;
    }

    private static OewsEstimate? Parse(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> fields, int[] map, string source, long line, int? fileYear,
        Titles titles)
    {
        var row = new Row(text, fields, map, source, line);
        var needed = Math.Max(map[(int)C.Area], map[(int)C.OccCode]);
        if (fields.Length <= needed)
        {
            throw new LaborMarketFormatException(source, line, Columns[(int)C.OccCode], $"the row has {fields.Length} fields; it is cut short");
        }

        var naics = row.Field(C.Naics);
        if (!naics.IsEmpty && !naics.SequenceEqual("000000") && !naics.SequenceEqual("0"))
        {
            return null; // industry-specific row
        }

        if (!OewsAreaCode.TryParse(row.Field(C.Area), null, out var area))
        {
            throw new LaborMarketFormatException(source, line, "AREA", $"'{row.Field(C.Area).ToString()}' is not an OEWS area code");
        }

        if (!SocCode.TryParse(row.Field(C.OccCode), out var soc))
        {
            throw new LaborMarketFormatException(source, line, "OCC_CODE", $"'{row.Field(C.OccCode).ToString()}' is not an occupation code");
        }

        int year;
        if (map[(int)C.Year] >= 0)
        {
            if (!int.TryParse(row.Field(C.Year), NumberStyles.None, CultureInfo.InvariantCulture, out year))
            {
                throw new LaborMarketFormatException(source, line, "YEAR", $"'{row.Field(C.Year).ToString()}' is not a year");
            }
        }
        else
        {
            year = fileYear ?? throw new LaborMarketFormatException(source, line, "YEAR", "no YEAR column and no year in the file name (such as M2024); pass the year");
        }

        var annualOnly = row.Field(C.Annual).Equals("TRUE", StringComparison.OrdinalIgnoreCase);
        var hourlyOnly = row.Field(C.Hourly).Equals("TRUE", StringComparison.OrdinalIgnoreCase);
        var annualTop = year >= 2022 ? 239_200d : 208_000d;
        var hourlyTop = year >= 2022 ? 115d : 100d;

        return new OewsEstimate
        {
            Area = area,
            AreaTitle = titles.Area(row.Field(C.AreaTitle)),
            Soc = soc,
            OccupationTitle = titles.Occupation(soc, row.Field(C.OccTitle)),
            Group = Group(row.Field(C.Group)),
            Year = year,
            Employment = row.Value(C.TotEmp, 0),
            HourlyMean = row.Value(C.HMean, hourlyTop),
            AnnualMean = row.Value(C.AMean, annualTop),
            HourlyMedian = row.Value(C.HMedian, hourlyTop),
            AnnualP10 = row.Value(C.AP10, annualTop),
            AnnualP25 = row.Value(C.AP25, annualTop),
            AnnualMedian = row.Value(C.AMedian, annualTop),
            AnnualP75 = row.Value(C.AP75, annualTop),
            AnnualP90 = row.Value(C.AP90, annualTop),
            AnnualOnly = annualOnly,
            HourlyOnly = hourlyOnly,
        };
    }

    /// <summary>One split row: its cells by column, and its numbers read with the file's name and line for errors.</summary>
    private readonly ref struct Row(ReadOnlySpan<char> text, ReadOnlySpan<(int Start, int Length)> fields, int[] map, string source, long line)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly ReadOnlySpan<(int Start, int Length)> _fields = fields;

        public ReadOnlySpan<char> Field(C c) =>
            map[(int)c] is var i and >= 0 && i < _fields.Length ? Unquote(_text.Slice(_fields[i].Start, _fields[i].Length)) : default;

        public OewsValue Value(C c, double topCode) =>
            map[(int)c] < 0 ? OewsValue.Blank : OewsCsvReader.Value(Field(c), topCode, source, line, Columns[(int)c]);
    }

    private static OewsValue Value(ReadOnlySpan<char> cell, double topCode, string source, long line, string column)
    {
        cell = cell.Trim();
        if (CsvText.TryParseSimple(cell, out var simple))
        {
            return new OewsValue(simple, OewsMarker.None);
        }

        switch (cell)
        {
            case "":
                return OewsValue.Blank;
            case "*":
                return new OewsValue(null, OewsMarker.WageNotAvailable);
            case "**":
                return new OewsValue(null, OewsMarker.EmploymentNotAvailable);
            case "#":
                return new OewsValue(topCode, OewsMarker.TopCoded);
            case "~":
                return new OewsValue(null, OewsMarker.FewEstablishments);
        }

        return double.TryParse(cell, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? new OewsValue(v, OewsMarker.None)
            : throw new LaborMarketFormatException(source, line, column, $"'{cell.ToString()}' is not a number or an OEWS marker (*, **, #, ~)");
    }

    private static OccupationGroup Group(ReadOnlySpan<char> g) => g switch
    {
        _ when g.Equals("detailed", StringComparison.OrdinalIgnoreCase) => OccupationGroup.Detailed,
        _ when g.Equals("broad", StringComparison.OrdinalIgnoreCase) => OccupationGroup.Broad,
        _ when g.Equals("minor", StringComparison.OrdinalIgnoreCase) => OccupationGroup.Minor,
        _ when g.Equals("major", StringComparison.OrdinalIgnoreCase) => OccupationGroup.Major,
        _ when g.Equals("total", StringComparison.OrdinalIgnoreCase) => OccupationGroup.Total,
        _ => OccupationGroup.Unknown,
    };

    private static int? YearFromName(string name)
    {
        for (var i = 0; i + 5 <= name.Length; i++)
        {
            if ((name[i] is 'M' or 'm' or '_') && int.TryParse(name.AsSpan(i + 1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1997 and <= 2100)
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>
    /// One string per distinct title in a file. Rows come grouped by area, so the area title is nearly always the
    /// previous row's; an occupation's title is found by its code (an integer key) and confirmed by comparison.
    /// </summary>
    private sealed class Titles
    {
        private readonly Dictionary<string, string> _all = new(StringComparer.Ordinal);
        private readonly Dictionary<int, string> _byCode = [];
        private string _lastArea = "";

        public string Area(ReadOnlySpan<char> value)
        {
            if (!value.SequenceEqual(_lastArea))
            {
                _lastArea = Intern(value);
            }

            return _lastArea;
        }

        public string Occupation(SocCode soc, ReadOnlySpan<char> value)
        {
            if (_byCode.TryGetValue(soc.Value, out var known) && value.SequenceEqual(known))
            {
                return known;
            }

            return _byCode[soc.Value] = Intern(value);
        }

        private string Intern(ReadOnlySpan<char> value)
        {
            if (value.IsEmpty)
            {
                return "";
            }

#if NET9_0_OR_GREATER
            if (_all.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var existing))
            {
                return existing;
            }
#endif
            var s = value.ToString();
            if (_all.TryGetValue(s, out var found))
            {
                return found;
            }

            _all[s] = s;
            return s;
        }
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> f) =>
        f.Length >= 2 && f[0] == '"' && f[^1] == '"' ? f[1..^1] : f;
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LaborMarket.Files;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// Streams OEWS estimates from CSV exports of the official downloads (national, state, metro, nonmetro,
/// all-data) and from extracts with fewer columns. Header names are matched without regard to case,
/// <c>O_GROUP</c> and <c>OCC_GROUP</c> are both accepted, and industry-specific rows are skipped
/// (cross-industry only). Memory stays flat however long the file is.
/// </summary>
/// <remarks>
/// Nothing is lost silently: a row with more or fewer fields than the header, a number that is not one or is out
/// of bounds (negative, or above a plausible maximum), a NAICS code that is not one and a header column that looks
/// like a misspelt OEWS column are each a <see cref="LaborMarketFormatException"/> naming the file, line and
/// column; a <c>.gz</c> file that was cut or damaged fails as a whole.
/// </remarks>
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
    /// <remarks>A <c>.gz</c> stream checks the gzip trailer at its end: a cut or damaged file throws <see cref="InvalidDataException"/> there.</remarks>
    public static Stream OpenFile(string path) => DelimitedTextReader.OpenStream(path);

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
        using var reader = new DelimitedTextReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: !disposeStream), source);
        var rows = new RowParser(source, year, await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false));
        while (true)
        {
            OewsEstimate? row;
            try
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                row = rows.Parse(new ReaderCells(reader), reader.LineNumber);
            }
            catch (LaborMarketFormatException ex) when (errors is not null && !reader.IsFaulted)
            {
                errors.Add(ex);
                continue;
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    // Local files for an index are read synchronously (the folder loader runs inside DI factories).
    internal static IEnumerable<OewsEstimate> ReadFile(string path, ICollection<LaborMarketFormatException>? errors)
    {
        using var reader = DelimitedTextReader.OpenFile(path);
        var rows = new RowParser(Path.GetFileName(path), null, reader.ReadHeader());
        while (true)
        {
            OewsEstimate? row;
            try
            {
                if (!reader.Read())
                {
                    break;
                }

                row = rows.Parse(new ReaderCells(reader), reader.LineNumber);
            }
            catch (LaborMarketFormatException ex) when (errors is not null && !reader.IsFaulted)
            {
                errors.Add(ex);
                continue;
            }

            if (row is not null)
            {
                yield return row;
            }
        }
    }

    /// <summary>The cells of one row, whatever holds them (a CSV record, a spreadsheet row).</summary>
    internal interface ICells
    {
        int Count { get; }

        ReadOnlySpan<char> this[int index] { get; }
    }

    /// <summary>The fields of the reader's current record.</summary>
    internal readonly struct ReaderCells(DelimitedTextReader reader) : ICells
    {
        public int Count => reader.FieldCount;

        public ReadOnlySpan<char> this[int index] => reader[index];
    }

    /// <summary>The state of reading one file: its header map, year and interned titles.</summary>
    internal sealed class RowParser
    {
        private readonly string _source;
        private readonly int[] _map;
        private readonly int? _year;
        private readonly Titles _titles = new();

        public RowParser(string source, int? year, IReadOnlyList<string> header)
        {
            _source = source;
            _map = OewsHeader.Map(header, source, Columns);
            _year = year ?? YearFromName(source);
        }

        /// <summary>
        /// The row, or null for an industry-specific row. Cells past the end of a spreadsheet row are blank (a
        /// workbook leaves empty cells out); a CSV row has as many cells as the header (the reader checks).
        /// </summary>
        /// <exception cref="LaborMarketFormatException">A bad code or number, naming the line and column.</exception>
        public OewsEstimate? Parse<TCells>(TCells cells, long line)
            where TCells : struct, ICells =>
            OewsCsvReader.Parse(new Row<TCells>(cells, _map, _source, line), _year, _titles);
    }

    private static OewsEstimate? Parse<TCells>(Row<TCells> row, int? fileYear, Titles titles)
        where TCells : struct, ICells
    {
        if (row.Has(C.Naics))
        {
            var naics = row.Field(C.Naics).Trim();
            if (!naics.SequenceEqual("000000") && !naics.SequenceEqual("0"))
            {
                return OewsHeader.IsNaicsCode(naics) && naics.ContainsAnyExcept('0') ? null // industry-specific row
                    : throw row.Error(C.Naics, $"'{naics.ToString()}' is not a NAICS code (000000 for all industries)");
            }
        }

        if (!OewsAreaCode.TryParse(row.Field(C.Area), null, out var area))
        {
            throw row.Error(C.Area, $"'{row.Field(C.Area).ToString()}' is not an OEWS area code");
        }

        if (!SocCode.TryParse(row.Field(C.OccCode), out var soc))
        {
            throw row.Error(C.OccCode, $"'{row.Field(C.OccCode).ToString()}' is not an occupation code");
        }

        int year;
        if (row.Has(C.Year))
        {
            if (!int.TryParse(row.Field(C.Year).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1997 or > 2100)
            {
                throw row.Error(C.Year, $"'{row.Field(C.Year).ToString()}' is not a survey year");
            }
        }
        else
        {
            year = fileYear ?? throw row.Error(C.Year, "no YEAR column and no year in the file name (such as M2024); pass the year");
        }

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
            Employment = row.Value(C.TotEmp, 0, OewsNumber.MaxEmployment),
            HourlyMean = row.Value(C.HMean, hourlyTop, OewsNumber.MaxHourly),
            AnnualMean = row.Value(C.AMean, annualTop, OewsNumber.MaxAnnual),
            HourlyMedian = row.Value(C.HMedian, hourlyTop, OewsNumber.MaxHourly),
            AnnualP10 = row.Value(C.AP10, annualTop, OewsNumber.MaxAnnual),
            AnnualP25 = row.Value(C.AP25, annualTop, OewsNumber.MaxAnnual),
            AnnualMedian = row.Value(C.AMedian, annualTop, OewsNumber.MaxAnnual),
            AnnualP75 = row.Value(C.AP75, annualTop, OewsNumber.MaxAnnual),
            AnnualP90 = row.Value(C.AP90, annualTop, OewsNumber.MaxAnnual),
            AnnualOnly = row.Flag(C.Annual),
            HourlyOnly = row.Flag(C.Hourly),
        };
    }

    /// <summary>One row: its cells by column, and its numbers read with the file's name and line for errors.</summary>
    private readonly struct Row<TCells>(TCells cells, int[] map, string source, long line)
        where TCells : struct, ICells
    {
        public bool Has(C c) => map[(int)c] >= 0;

        public ReadOnlySpan<char> Field(C c) =>
            map[(int)c] is var i and >= 0 && i < cells.Count ? cells[i] : default;

        public bool Flag(C c)
        {
            var f = Field(c).Trim();
            if (f.IsEmpty || f.Equals("FALSE", StringComparison.OrdinalIgnoreCase) || f.SequenceEqual("0"))
            {
                return false;
            }

            return f.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || f.SequenceEqual("1")
                ? true
                : throw Error(c, $"'{f.ToString()}' is not TRUE or FALSE");
        }

        public OewsValue Value(C c, double topCode, double max) =>
            map[(int)c] < 0 ? OewsValue.Blank : OewsNumber.Read(Field(c), topCode, max, source, line, Columns[(int)c]);

        public LaborMarketFormatException Error(C c, string message) => new(source, line, Columns[(int)c], message);
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
}

using System.Runtime.CompilerServices;
using LaborMarket.Files;

namespace LaborMarket.Bls.Oews;

/// <summary>
/// Streams OEWS estimates from the official .xlsx downloads (national, state, metro, all-data). The data sheet is
/// found by its header (the first sheet with an OCC_CODE column), whatever its name in a given year; columns are
/// matched as in <see cref="OewsCsvReader"/>, so header case and O_GROUP / OCC_GROUP drift are tolerated and
/// markers are typed the same way. Errors name the file, sheet row and column.
/// </summary>
public static class OewsXlsxReader
{
    /// <summary>Reads every cross-industry row of an .xlsx file.</summary>
    /// <param name="path">The workbook.</param>
    /// <param name="year">The survey year when neither a YEAR column nor the file name says it.</param>
    /// <param name="errors">When given, bad rows are added here and reading goes on; otherwise the first bad row throws.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static IAsyncEnumerable<OewsEstimate> ReadFileAsync(string path, int? year = null, ICollection<LaborMarketFormatException>? errors = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return ReadCoreAsync(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous), Path.GetFileName(path), year, errors, dispose: true, cancellationToken);
    }

    /// <summary>Reads every cross-industry row of an .xlsx stream (a stream that cannot seek is buffered first).</summary>
    /// <param name="stream">The workbook bytes.</param>
    /// <param name="sourceName">The file name, used in errors and to find the year ("national_M2024_dl.xlsx").</param>
    /// <param name="year">The survey year when neither a YEAR column nor the name says it.</param>
    /// <param name="errors">When given, bad rows are added here and reading goes on.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static IAsyncEnumerable<OewsEstimate> ReadAsync(Stream stream, string sourceName, int? year = null,
        ICollection<LaborMarketFormatException>? errors = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return ReadCoreAsync(stream, sourceName, year, errors, dispose: false, cancellationToken);
    }

    private static async IAsyncEnumerable<OewsEstimate> ReadCoreAsync(Stream stream, string source, int? year,
        ICollection<LaborMarketFormatException>? errors, bool dispose, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seekable = stream;
        try
        {
            if (!stream.CanSeek)
            {
                seekable = new MemoryStream();
                await stream.CopyToAsync(seekable, cancellationToken).ConfigureAwait(false);
                seekable.Position = 0;
            }

            foreach (var row in Read(seekable, source, year, errors))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }
        finally
        {
            if (!ReferenceEquals(seekable, stream))
            {
                await seekable.DisposeAsync().ConfigureAwait(false);
            }

            if (dispose)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    internal static IEnumerable<OewsEstimate> ReadFile(string path, ICollection<LaborMarketFormatException>? errors)
    {
        using var stream = File.OpenRead(path);
        foreach (var row in Read(stream, Path.GetFileName(path), null, errors))
        {
            yield return row;
        }
    }

    /// <summary>True when some sheet of the workbook has an OEWS header; false for a readable workbook without one.</summary>
    /// <exception cref="LaborMarketFormatException">The file is not a readable workbook (a damaged file is not skipped).</exception>
    internal static bool IsOewsWorkbook(string path)
    {
        using var stream = File.OpenRead(path);
        return XlsxSheet.FindSheet(stream, Path.GetFileName(path), IsOewsHeader);
    }

    private static IEnumerable<OewsEstimate> Read(Stream stream, string source, int? year, ICollection<LaborMarketFormatException>? errors)
    {
        OewsCsvReader.RowParser? parser = null;
        foreach (var (row, cells) in XlsxSheet.Rows(stream, source, IsOewsHeader))
        {
            if (parser is null)
            {
                parser = new OewsCsvReader.RowParser(source, year, cells.Select(c => c ?? "").ToArray());
                continue;
            }

            if (Array.TrueForAll(cells, string.IsNullOrWhiteSpace))
            {
                continue;
            }

            OewsEstimate? estimate;
            try
            {
                estimate = parser.Parse(new ArrayCells(cells), row);
            }
            catch (LaborMarketFormatException ex) when (errors is not null)
            {
                errors.Add(ex);
                continue;
            }

            if (estimate is not null)
            {
                yield return estimate;
            }
        }
    }

    private static bool IsOewsHeader(string?[] cells) =>
        Array.Exists(cells, c => string.Equals(c?.Trim(), "OCC_CODE", StringComparison.OrdinalIgnoreCase));

    /// <summary>A spreadsheet row's cells; a cell the workbook left out is empty.</summary>
    private readonly struct ArrayCells(string?[] cells) : OewsCsvReader.ICells
    {
        public int Count => cells.Length;

        public ReadOnlySpan<char> this[int index] => cells[index];
    }
}

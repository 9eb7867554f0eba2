using System.IO.Compression;
using System.Text;

namespace LaborMarket.Files;

/// <summary>A data row of an O*NET text file: its occupation, the requested columns in order, and its line.</summary>
/// <param name="Code">The row's O*NET-SOC code (the first requested column).</param>
/// <param name="Fields">The requested columns, trimmed.</param>
/// <param name="Line">The 1-based line number.</param>
public readonly record struct OnetRow(OnetSocCode Code, IReadOnlyList<string> Fields, long Line);

/// <summary>
/// An O*NET database text release (tab-separated, UTF-8, header row), from its folder or its zip. Files are
/// found by name anywhere inside; columns are found by header name. Used by the title normalizer and by
/// LaborMarket.Onet's offline database.
/// </summary>
public sealed class OnetDatabaseFiles : IDisposable
{
    private readonly string _path;
    private readonly ZipArchive? _zip;

    private OnetDatabaseFiles(string path, ZipArchive? zip)
    {
        _path = path;
        _zip = zip;
    }

    /// <summary>Opens a release folder or zip.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither a folder nor a file exists at the path.</exception>
    public static OnetDatabaseFiles Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return new OnetDatabaseFiles(path, null);
        }

        if (File.Exists(path))
        {
            return new OnetDatabaseFiles(path, ZipFile.OpenRead(path));
        }

        throw new DirectoryNotFoundException($"O*NET database not found at '{path}' (expected a release folder or .zip).");
    }

    /// <summary>
    /// The rows of <paramref name="fileName"/> with <paramref name="columns"/>; the first column must be the
    /// O*NET-SOC code. A missing optional file yields nothing.
    /// </summary>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="LaborMarketFormatException">A column is missing, a row is cut short or a code is malformed.</exception>
    public IEnumerable<OnetRow> Rows(string fileName, string[] columns, bool required)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var (fields, line) in Read(fileName, columns, required))
        {
            if (!OnetSocCode.TryParse(fields[0], out var code))
            {
                throw new LaborMarketFormatException(fileName, line, columns[0], $"'{fields[0]}' is not an O*NET-SOC code");
            }

            yield return new OnetRow(code, fields, line);
        }
    }

    /// <summary>The rows of a file without an occupation column (reference and category files), with their lines.</summary>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="LaborMarketFormatException">A column is missing or a row is cut short.</exception>
    public IEnumerable<(IReadOnlyList<string> Fields, long Line)> Records(string fileName, string[] columns, bool required)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(columns);
        return Read(fileName, columns, required);
    }

    /// <inheritdoc/>
    public void Dispose() => _zip?.Dispose();

    private IEnumerable<(IReadOnlyList<string> Fields, long Line)> Read(string fileName, string[] columns, bool required)
    {
        var reader = OpenText(fileName);
        if (reader is null)
        {
            if (required)
            {
                throw new FileNotFoundException($"'{fileName}' not found in the O*NET database at '{_path}'.", fileName);
            }

            yield break;
        }

        using (reader)
        {
            var header = reader.ReadLine()
                ?? throw new LaborMarketFormatException(fileName, 1, null, "the file is empty (no header row)");
            var names = header.TrimStart('\uFEFF').Split('\t');
            var map = new int[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                map[c] = Array.FindIndex(names, n => n.Trim().Equals(columns[c], StringComparison.OrdinalIgnoreCase));
                if (map[c] < 0)
                {
                    throw new LaborMarketFormatException(fileName, 1, columns[c], $"column missing from the header ('{header}')");
                }
            }

            long line = 1;
            while (reader.ReadLine() is { } text)
            {
                line++;
                if (text.Length == 0)
                {
                    continue;
                }

                var parts = text.Split('\t');
                var fields = new string[columns.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    if (map[c] >= parts.Length)
                    {
                        throw new LaborMarketFormatException(fileName, line, columns[c], $"the row has {parts.Length} fields; the header has {names.Length}");
                    }

                    fields[c] = parts[map[c]].Trim();
                }

                yield return (fields, line);
            }
        }
    }

    private StreamReader? OpenText(string fileName)
    {
        if (_zip is null)
        {
            var direct = Path.Combine(_path, fileName);
            if (File.Exists(direct))
            {
                return new StreamReader(direct, Encoding.UTF8);
            }

            var found = Directory.EnumerateFiles(_path, fileName, SearchOption.AllDirectories).FirstOrDefault();
            return found is null ? null : new StreamReader(found, Encoding.UTF8);
        }

        var entry = _zip.Entries.FirstOrDefault(e => e.Name.Equals(fileName, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : new StreamReader(entry.Open(), Encoding.UTF8);
    }
}

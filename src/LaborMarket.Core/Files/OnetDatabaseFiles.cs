using System.IO.Compression;
using System.Text;

namespace LaborMarket.Files;

/// <summary>
/// An O*NET database text release (tab-separated, UTF-8, header row), from its folder or its zip. Files are
/// found by name anywhere inside; columns are found by header name; rows are read by
/// <see cref="DelimitedTextReader"/>, so a row with more or fewer fields than the header, a line over the limit or a
/// damaged zip entry is a <see cref="LaborMarketFormatException"/> naming the file, line and column. Used by the title normalizer and by
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
    /// <exception cref="LaborMarketFormatException">The file is not a readable zip.</exception>
    public static OnetDatabaseFiles Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return new OnetDatabaseFiles(path, null);
        }

        if (File.Exists(path))
        {
            try
            {
                return new OnetDatabaseFiles(path, ZipFile.OpenRead(path));
            }
            catch (InvalidDataException ex)
            {
                throw new LaborMarketFormatException(Path.GetFileName(path), 0, null, $"not a readable O*NET release zip ({ex.Message})", ex);
            }
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
            reader.ReadHeader();
            var map = columns.Select(reader.Require).ToArray();
            while (reader.Read())
            {
                var fields = new string[columns.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    fields[c] = reader[map[c]].Trim().ToString();
                }

                yield return (fields, reader.LineNumber);
            }
        }
    }

    private DelimitedTextReader? OpenText(string fileName)
    {
        if (_zip is null)
        {
            var direct = Path.Combine(_path, fileName);
            var found = File.Exists(direct) ? direct : Directory.EnumerateFiles(_path, fileName, SearchOption.AllDirectories).FirstOrDefault();
            return found is null ? null : DelimitedTextReader.OpenFile(found, DelimitedTextOptions.Tsv);
        }

        var entry = _zip.Entries.FirstOrDefault(e => e.Name.Equals(fileName, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        try
        {
            return new DelimitedTextReader(new StreamReader(entry.Open(), Encoding.UTF8), entry.Name, DelimitedTextOptions.Tsv);
        }
        catch (InvalidDataException ex)
        {
            throw new LaborMarketFormatException(entry.Name, 0, null, $"the zip entry cannot be read ({ex.Message})", ex);
        }
    }
}

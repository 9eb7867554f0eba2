using System.IO.Compression;
using System.Text;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Normalization.Catalog;

/// <summary>A title O*NET gives for an occupation.</summary>
internal readonly record struct OnetTitle(OnetSocCode Code, string Title, OnetTitleKind Kind);

internal enum OnetTitleKind
{
    Occupation,
    Alternate,
    ShortAlternate,
    Reported,
}

/// <summary>
/// Reads the three O*NET database text files that name occupations: Occupation Data, Alternate Titles and
/// Sample of Reported Titles, from a release folder or its zip. Tab-separated, UTF-8, header row.
/// </summary>
internal static class OnetTitleFiles
{
    public const string OccupationData = "Occupation Data.txt";
    public const string AlternateTitles = "Alternate Titles.txt";
    public const string ReportedTitles = "Sample of Reported Titles.txt";

    public static (List<(OnetSocCode Code, string Title)> Occupations, List<OnetTitle> Titles) Read(string path)
    {
        var occupations = new List<(OnetSocCode, string)>();
        var titles = new List<OnetTitle>();
        using var source = OnetSource.Open(path);
        foreach (var row in source.Rows(OccupationData, ["O*NET-SOC Code", "Title"], required: true))
        {
            occupations.Add((row.Code, row.Fields[1]));
            titles.Add(new OnetTitle(row.Code, row.Fields[1], OnetTitleKind.Occupation));
        }

        foreach (var row in source.Rows(AlternateTitles, ["O*NET-SOC Code", "Alternate Title", "Short Title"], required: false))
        {
            titles.Add(new OnetTitle(row.Code, row.Fields[1], OnetTitleKind.Alternate));
            var shortTitle = row.Fields[2];
            if (shortTitle.Length > 0 && !shortTitle.Equals("n/a", StringComparison.OrdinalIgnoreCase))
            {
                titles.Add(new OnetTitle(row.Code, shortTitle, OnetTitleKind.ShortAlternate));
            }
        }

        foreach (var row in source.Rows(ReportedTitles, ["O*NET-SOC Code", "Reported Job Title"], required: false))
        {
            titles.Add(new OnetTitle(row.Code, row.Fields[1], OnetTitleKind.Reported));
        }

        return (occupations, titles);
    }

    internal readonly record struct Row(OnetSocCode Code, string[] Fields, long Line);

    /// <summary>A release folder or zip; files are found by name anywhere inside it.</summary>
    internal sealed class OnetSource : IDisposable
    {
        private readonly string _path;
        private readonly ZipArchive? _zip;

        private OnetSource(string path, ZipArchive? zip)
        {
            _path = path;
            _zip = zip;
        }

        public static OnetSource Open(string path)
        {
            if (Directory.Exists(path))
            {
                return new OnetSource(path, null);
            }

            if (File.Exists(path))
            {
                return new OnetSource(path, ZipFile.OpenRead(path));
            }

            throw new DirectoryNotFoundException($"O*NET database not found at '{path}' (expected a release folder or .zip).");
        }

        public IEnumerable<Row> Rows(string fileName, string[] columns, bool required)
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

                    if (!OnetSocCode.TryParse(fields[0], out var code))
                    {
                        throw new LaborMarketFormatException(fileName, line, columns[0], $"'{fields[0]}' is not an O*NET-SOC code");
                    }

                    yield return new Row(code, fields, line);
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

        public void Dispose() => _zip?.Dispose();
    }
}

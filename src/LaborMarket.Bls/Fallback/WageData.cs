using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;
using LaborMarket.Files;

namespace LaborMarket.Bls.Fallback;

/// <summary>Builds a <see cref="WageLookup"/> from a folder of OEWS CSV files and geography crosswalks.</summary>
public static class WageData
{
    /// <summary>
    /// Searches <paramref name="directory"/> recursively: every <c>*.csv</c>, <c>*.csv.gz</c> or <c>*.xlsx</c> whose
    /// header is an OEWS header is indexed (an .xlsx beside a .csv of the same name is the same data and is skipped); <c>county_cbsa*.csv</c> and the OFLC geography file become the crosswalk. Other
    /// readable files are ignored; a damaged .xlsx or a cut .csv.gz is an error, not a skipped file.
    /// </summary>
    /// <exception cref="LaborMarketFormatException">An OEWS file has a bad row (unless <paramref name="errors"/> collects them).</exception>
    /// <exception cref="WageDataException">The folder holds no OEWS file, or a file could not be opened.</exception>
    public static WageLookup LoadDirectory(string directory, ICollection<LaborMarketFormatException>? errors = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"wage data folder '{directory}' does not exist.");
        }

        return Load(FilesUnder(directory), null, errors, $"folder '{directory}'");
    }

    /// <summary>
    /// Builds a lookup from files: OEWS csv, csv.gz or xlsx (an xlsx beside a csv of the same name is skipped)
    /// and the crosswalk csvs, told apart by their headers; other files are ignored. With <paramref name="index"/>
    /// (a saved index) the OEWS files are not read, only the crosswalks.
    /// </summary>
    /// <param name="files">The files.</param>
    /// <param name="index">A loaded wage index to use instead of the OEWS files, or null.</param>
    /// <param name="errors">Collects bad OEWS rows instead of stopping at the first, or null.</param>
    /// <exception cref="LaborMarketFormatException">An OEWS file has a bad row (unless <paramref name="errors"/> collects them).</exception>
    /// <exception cref="WageDataException">No file is an OEWS file (and no index is given), or a file could not be opened.</exception>
    public static WageLookup LoadFiles(IEnumerable<string> files, WageIndex? index = null, ICollection<LaborMarketFormatException>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Load(files, index, errors, null);
    }

    /// <summary><see cref="LoadFiles"/>, naming <paramref name="where"/> (such as "folder 'data'") when no OEWS file is found.</summary>
    internal static WageLookup Load(IEnumerable<string> files, WageIndex? index, ICollection<LaborMarketFormatException>? errors, string? where)
    {
        var all = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string? cbsa = null;
        string? oflc = null;
        var oews = new List<string>();
        foreach (var file in all.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase)))
        {
            var header = Opened(file, () => FirstLine(file));
            if (header.Contains("county_fips5", StringComparison.OrdinalIgnoreCase) && header.Contains("CBSA Code", StringComparison.OrdinalIgnoreCase))
            {
                cbsa = file;
            }
            else if (header.Contains("CountyTownName", StringComparison.OrdinalIgnoreCase))
            {
                oflc = file;
            }
            else if (header.Contains("OCC_CODE", StringComparison.OrdinalIgnoreCase) && header.Contains("AREA", StringComparison.OrdinalIgnoreCase))
            {
                oews.Add(file);
            }
        }

        if (index is null)
        {
            var csvStems = oews.Select(Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var workbooks = all.Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !csvStems.Contains(Stem(f))
                && Opened(f, () => OewsXlsxReader.IsOewsWorkbook(f))).ToList();
            if (oews.Count == 0 && workbooks.Count == 0)
            {
                var what = where ?? "the files given";
                throw new WageDataException(where ?? "", $"no OEWS wage file in {what} ({all.Count} files; an OEWS file is a .csv, .csv.gz or .xlsx with OCC_CODE and AREA columns).", null);
            }

            index = WageIndex.Build(oews.SelectMany(file => Guarded(file, () => OewsCsvReader.ReadFile(file, errors)))
                .Concat(workbooks.SelectMany(file => Guarded(file, () => OewsXlsxReader.ReadFile(file, errors)))));
            if (index.Count == 0)
            {
                throw new WageDataException(where ?? "", $"the OEWS files in {where ?? "the files given"} hold no rows ({string.Join(", ", oews.Concat(workbooks).Select(Path.GetFileName))}).", null);
            }
        }

        return new WageLookup(index, AreaCrosswalk.Load(cbsa, oflc));
    }

    // A file that cannot be opened (gone, a dangling link, no permission) is named; a bad row inside one is a format error.
    private static T Opened<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (IsUnreadable(ex))
        {
            throw Unreadable(file, ex);
        }
    }

    private static IEnumerable<OewsEstimate> Guarded(string file, Func<IEnumerable<OewsEstimate>> read)
    {
        using var rows = Opened(file, () => read().GetEnumerator());
        while (true)
        {
            bool more;
            try
            {
                more = rows.MoveNext();
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                throw Unreadable(file, ex);
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    private static bool IsUnreadable(Exception ex) =>
        ex is UnauthorizedAccessException or (IOException and not WageDataException);

    private static WageDataException Unreadable(string file, Exception ex) =>
        new(file, $"OEWS data file '{file}' could not be read: {ex.Message}", ex);

    /// <summary>Every file under a folder, recursively.</summary>
    internal static IEnumerable<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories);

    private static string Stem(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.Combine(Path.GetDirectoryName(name) ?? "", Path.GetFileNameWithoutExtension(name));
    }

    // The header as one line, to tell the files apart; an empty file has none.
    private static string FirstLine(string path)
    {
        using var reader = DelimitedTextReader.OpenFile(path, DelimitedTextOptions.Csv with { HasHeader = false });
        if (!reader.Read())
        {
            return "";
        }

        return string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString));
    }
}

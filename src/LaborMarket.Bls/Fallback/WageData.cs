using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Fallback;

/// <summary>Builds a <see cref="WageLookup"/> from a folder of OEWS CSV files and geography crosswalks.</summary>
public static class WageData
{
    /// <summary>
    /// Searches <paramref name="directory"/> recursively: every <c>*.csv</c>, <c>*.csv.gz</c> or <c>*.xlsx</c> whose
    /// header is an OEWS header is indexed (an .xlsx beside a .csv of the same name is the same data and is skipped); <c>county_cbsa*.csv</c> and the OFLC geography file become the crosswalk. Other
    /// files are ignored.
    /// </summary>
    /// <exception cref="LaborMarketFormatException">An OEWS file has a bad row (unless <paramref name="errors"/> collects them).</exception>
    public static WageLookup LoadDirectory(string directory, ICollection<LaborMarketFormatException>? errors = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"wage data folder '{directory}' does not exist.");
        }

        return LoadFiles(FilesUnder(directory), null, errors);
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
    public static WageLookup LoadFiles(IEnumerable<string> files, WageIndex? index = null, ICollection<LaborMarketFormatException>? errors = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        string? cbsa = null;
        string? oflc = null;
        var oews = new List<string>();
        foreach (var file in all.Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase)))
        {
            var header = FirstLine(file);
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
            var workbooks = all.Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !csvStems.Contains(Stem(f)) && OewsXlsxReader.IsOewsWorkbook(f)).ToList();
            index = WageIndex.Build(oews.SelectMany(file => OewsCsvReader.ReadFile(file, errors))
                .Concat(workbooks.SelectMany(file => OewsXlsxReader.ReadFile(file, errors))));
        }

        return new WageLookup(index, AreaCrosswalk.Load(cbsa, oflc));
    }

    /// <summary>Every file under a folder, recursively.</summary>
    internal static IEnumerable<string> FilesUnder(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories);

    private static string Stem(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Path.Combine(Path.GetDirectoryName(name) ?? "", Path.GetFileNameWithoutExtension(name));
    }

    private static string FirstLine(string path)
    {
        using var stream = OewsCsvReader.OpenFile(path);
        using var reader = new StreamReader(stream);
        return reader.ReadLine() ?? "";
    }
}

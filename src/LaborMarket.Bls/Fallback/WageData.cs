using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;
using LaborMarket.Normalization;

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

        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".csv.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        string? cbsa = null;
        string? oflc = null;
        var oews = new List<string>();
        foreach (var file in files)
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

        var csvStems = oews.Select(Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var workbooks = Directory.EnumerateFiles(directory, "*.xlsx", SearchOption.AllDirectories)
            .Where(f => !csvStems.Contains(Stem(f)) && OewsXlsxReader.IsOewsWorkbook(f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var index = WageIndex.Build(oews.SelectMany(file => OewsCsvReader.ReadFile(file, errors))
            .Concat(workbooks.SelectMany(file => OewsXlsxReader.ReadFile(file, errors))));
        return new WageLookup(index, AreaCrosswalk.Load(cbsa, oflc));
    }

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

using LaborMarket.Files;
using System.IO.Compression;
using System.Text;

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
        using var source = OnetDatabaseFiles.Open(path);
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
}

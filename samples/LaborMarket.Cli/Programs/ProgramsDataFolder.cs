using LaborMarket.Cli.Hosting;
using LaborMarket.Onet;

namespace LaborMarket.Cli.Programs;

/// <summary>
/// Finds the crosswalk and O*NET files in a data folder laid out like the shared one (crosswalks/, onet/db_*), searched a
/// few levels deep by the names NCES and O*NET publish: the CIP-SOC crosswalk (csv, else the xlsx workbook), the CIP
/// code list, an O*NET text release with Related Occupations, and a newer release's Skills and Knowledge ratings.
/// </summary>
internal static class ProgramsDataFolder
{
    private const string Variable = "LABORMARKET_DATA";

    private static readonly EnumerationOptions Search = new() { RecurseSubdirectories = true, MaxRecursionDepth = 4, IgnoreInaccessible = true };

    /// <summary>The folder from --data, else the environment variable; a missing folder is the user's to fix.</summary>
    public static string Resolve(DirectoryInfo? option)
    {
        var folder = option?.FullName ?? Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new CliUserException($"no data folder: pass --data DIR or set {Variable} to a folder with the CIP-SOC crosswalk and an O*NET release.");
        }

        return Directory.Exists(folder) ? folder : throw new CliUserException($"the data folder '{folder}' does not exist.");
    }

    /// <summary>The programs options for a data folder; an O*NET release given on the command line wins.</summary>
    public static void Configure(ProgramsOptions options, string folder, string? onetDatabase)
    {
        options.CrosswalkPath = First(folder, "CIP2020_SOC2018_Crosswalk.csv") ?? First(folder, "CIP2020_SOC2018_Crosswalk.xlsx")
            ?? throw new CliUserException($"no CIP2020_SOC2018_Crosswalk.csv or .xlsx under '{folder}'.");
        options.CipCodesPath = First(folder, "CIPCode2020.csv");
        options.OnetDatabasePath = onetDatabase ?? OnetDatabase(folder);
        options.RatingsPath = File.Exists(Path.Combine(options.OnetDatabasePath, "Skills.txt")) ? null : Ratings(folder);
    }

    /// <summary>The O*NET text release in a folder: the first, by name, with Occupation Data and Related Occupations.</summary>
    public static string OnetDatabase(string folder) =>
        Directory.EnumerateFiles(folder, "Related Occupations.txt", Search)
            .Select(Path.GetDirectoryName)
            .Where(d => d is not null && File.Exists(Path.Combine(d, "Occupation Data.txt")))
            .Order(StringComparer.Ordinal)
            .FirstOrDefault()
        ?? throw new CliUserException($"no O*NET text release (a folder with 'Occupation Data.txt' and 'Related Occupations.txt') under '{folder}'.");

    // The newest (last by name) folder with Skills ratings, or none: profiles then fall back to technology and tools.
    private static string? Ratings(string folder) =>
        Directory.EnumerateFiles(folder, "Skills.*", Search)
            .Where(f => f.EndsWith("Skills.txt", StringComparison.Ordinal) || f.EndsWith("Skills.tsv.gz", StringComparison.Ordinal))
            .Select(Path.GetDirectoryName)
            .Order(StringComparer.Ordinal)
            .LastOrDefault();

    private static string? First(string folder, string name) =>
        Directory.EnumerateFiles(folder, name, Search).Order(StringComparer.Ordinal).FirstOrDefault();
}

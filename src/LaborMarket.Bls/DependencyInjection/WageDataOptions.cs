namespace LaborMarket.Bls;

/// <summary>Options for <c>services.AddLaborMarketBls(...)</c>: where the wage data comes from.</summary>
public sealed class WageDataOptions
{
    /// <summary>Folder searched recursively for OEWS files (csv, csv.gz, xlsx) and geography crosswalks.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Files to use (OEWS csv, csv.gz or xlsx, and the crosswalk csvs), with or instead of <see cref="DataDirectory"/>.</summary>
    public IList<string> Files { get; } = [];

    /// <summary>
    /// A wage index saved with <c>WageIndex.Save</c>, loaded in milliseconds in place of parsing OEWS files; the
    /// crosswalks still come from <see cref="DataDirectory"/> or <see cref="Files"/>.
    /// </summary>
    public string? IndexFile { get; set; }
}

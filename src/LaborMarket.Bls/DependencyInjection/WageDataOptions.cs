namespace LaborMarket.Bls;

/// <summary>Options for <c>services.AddLaborMarketBls(...)</c>.</summary>
public sealed class WageDataOptions
{
    /// <summary>Folder searched recursively for OEWS files and geography crosswalks.</summary>
    public string? DataDirectory { get; set; }
}

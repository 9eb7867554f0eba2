namespace LaborMarket.Onet;

/// <summary>Options for <c>services.AddOnetDatabase(...)</c>.</summary>
public sealed class OnetDatabaseOptions
{
    /// <summary>Folder (or .zip) of an O*NET database text release, read offline with no key.</summary>
    public string? DatabasePath { get; set; }
}

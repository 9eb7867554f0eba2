namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>Options for <see cref="FeaturedRoleStore"/> and <c>services.AddLaborMarketFeaturedRoles(...)</c>.</summary>
public sealed class FeaturedRoleStoreOptions
{
    /// <summary>The SQLite database file (created with its folder when missing), such as <c>data/featured-roles.db</c>. Required.</summary>
    public string? DatabasePath { get; set; }

    /// <summary>How long an operation waits for another process's write lock before failing (1 second to 5 minutes; default 5 seconds).</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

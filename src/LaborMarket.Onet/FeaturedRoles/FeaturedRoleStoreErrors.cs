using Microsoft.Data.Sqlite;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>SQLite's error codes turned into the store's one exception, in one place.</summary>
internal static class FeaturedRoleStoreErrors
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int Corrupt = 11;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    public static FeaturedRoleStoreException From(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        Busy or Locked => new(path, true, $"The featured-role database '{path}' is locked by another connection; try again later.", ex),
        Corrupt or NotADatabase => new(path, false, $"The featured-role database '{path}' is damaged or not a database ({ex.Message}); it was left as it is.", ex),
        ReadOnly => new(path, false, $"The featured-role database '{path}' is read-only.", ex),
        CantOpen => new(path, false, $"The featured-role database '{path}' cannot be opened ({ex.Message}).", ex),
        _ => new(path, false, $"The featured-role database '{path}' failed: {ex.Message}", ex),
    };
}

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// The featured-role database cannot be used: the file is damaged or not a database, is locked by another process, is
/// read-only, or was written by a newer version. The store never deletes or rewrites such a file.
/// </summary>
public sealed class FeaturedRoleStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeaturedRoleStoreException()
        : this("The featured-role database cannot be used.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public FeaturedRoleStoreException(string message)
        : base(message)
    {
        DatabasePath = "";
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FeaturedRoleStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
        DatabasePath = "";
    }

    internal FeaturedRoleStoreException(string databasePath, bool isTransient, string message, Exception? innerException)
        : base(message, innerException)
    {
        DatabasePath = databasePath;
        IsTransient = isTransient;
    }

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }

    /// <summary>True when trying again later may succeed (another process held the lock).</summary>
    public bool IsTransient { get; }
}

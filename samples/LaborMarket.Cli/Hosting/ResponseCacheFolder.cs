namespace LaborMarket.Cli.Hosting;

/// <summary>Where `--online` keeps web responses: `--cache DIR`, else the user's cache folder.</summary>
internal static class ResponseCacheFolder
{
    /// <summary>The SQLite file in <paramref name="folder"/>, or in the default folder when none is given.</summary>
    public static string DatabasePath(DirectoryInfo? folder) => Path.Combine(folder?.FullName ?? Default(), "responses.db");

    /// <summary>$XDG_CACHE_HOME/labormarket, ~/.cache/labormarket, or the local application data folder on Windows.</summary>
    private static string Default()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "labormarket");
    }
}

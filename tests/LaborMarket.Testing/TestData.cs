namespace LaborMarket.Testing;

/// <summary>
/// Finds the shared folder of real public data and LightGBM fixtures that tests read in place.
/// The location is <c>LABORMARKET_SHARED</c> when set, else <c>../shared</c> beside the repository root.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> RepoRootLazy = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding LaborMarket.sln).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>True when running under CI (<c>CI=true</c>): missing data is then a failure.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The shared folder, whether or not it exists.</summary>
    public static string SharedRoot
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("LABORMARKET_SHARED");
            return string.IsNullOrWhiteSpace(overridden)
                ? System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"))
                : System.IO.Path.GetFullPath(overridden);
        }
    }

    /// <summary>Why a data test cannot run, or null when the shared folder is present.</summary>
    public static string? MissingReason(string relative = "data")
    {
        var path = System.IO.Path.Combine(SharedRoot, relative);
        return Directory.Exists(path) || File.Exists(path)
            ? null
            : $"Shared test data not found at '{path}'. Put the shared folder beside the repository root or set LABORMARKET_SHARED.";
    }

    /// <summary>
    /// The full path of a file or folder under the shared root, e.g. <c>Path("data/oews/national_M2024_dl.csv")</c>.
    /// Throws with a clear message when it is missing (tests that reach here are not skipped).
    /// </summary>
    public static string Path(string relative)
    {
        var full = System.IO.Path.Combine(SharedRoot, relative);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            throw new FileNotFoundException(
                $"Shared test data '{relative}' not found under '{SharedRoot}'. Set LABORMARKET_SHARED to the shared folder.", full);
        }

        return full;
    }

    /// <summary>Shortcut for a path under <c>data/</c>.</summary>
    public static string DataPath(string relative) => Path("data/" + relative);

    /// <summary>Shortcut for a path under <c>fixtures/</c>.</summary>
    public static string FixturePath(string relative) => Path("fixtures/" + relative);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LaborMarket.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LaborMarket.sln not found above '{AppContext.BaseDirectory}'.");
    }
}

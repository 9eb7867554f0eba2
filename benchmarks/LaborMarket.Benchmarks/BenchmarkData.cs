namespace LaborMarket.Benchmarks;

/// <summary>Finds the shared real data the benchmarks load (env <c>LABORMARKET_SHARED</c> overrides).</summary>
internal static class BenchmarkData
{
    public static string SharedRoot
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("LABORMARKET_SHARED");
            if (!string.IsNullOrWhiteSpace(overridden))
            {
                return Path.GetFullPath(overridden);
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LaborMarket.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                }
            }

            throw new InvalidOperationException("Shared data not found: set LABORMARKET_SHARED.");
        }
    }

    public static string DataPath(string relative)
    {
        var path = Path.Combine(SharedRoot, "data", relative);
        return File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new FileNotFoundException($"Benchmark input '{relative}' not found under '{SharedRoot}'.", path);
    }
}

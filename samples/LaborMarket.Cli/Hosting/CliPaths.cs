namespace LaborMarket.Cli.Hosting;

/// <summary>What <c>--input</c> and <c>--output</c> values mean: <c>-</c> is stdin/stdout; files compare by resolved path.</summary>
internal static class CliPaths
{
    /// <summary>The spelling of stdin and stdout on the command line.</summary>
    public const string Standard = "-";

    public static bool IsStandard(string? path) => path == Standard;

    public static bool IsStandard(FileSystemInfo? file) => file is not null && file.ToString() == Standard;

    /// <summary>The absolute path with every symbolic link (of the file and of its folders) followed.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var file = new FileInfo(full);
        if (file.Exists && file.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return Resolve(target.FullName);
        }

        var directory = file.Directory;
        if (directory is null)
        {
            return full;
        }

        var resolvedDirectory = directory.Exists ? ResolveDirectory(directory.FullName) : directory.FullName;
        return Path.Combine(resolvedDirectory, file.Name);
    }

    private static string ResolveDirectory(string path)
    {
        var directory = new DirectoryInfo(path);
        if (directory.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            return ResolveDirectory(target.FullName);
        }

        return directory.Parent is { } parent ? Path.Combine(ResolveDirectory(parent.FullName), directory.Name) : directory.FullName;
    }

    public static bool SameFile(string a, string b) =>
        string.Equals(Resolve(a), Resolve(b), OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}

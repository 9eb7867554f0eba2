using System.Collections.Concurrent;

namespace LaborMarket.Cli.Hosting;

/// <summary>Temporary output files not yet moved into place, deleted if the process must stop before its commands do.</summary>
internal static class PendingFiles
{
    private static readonly ConcurrentDictionary<string, byte> Paths = new(StringComparer.Ordinal);

    public static void Add(string path) => Paths.TryAdd(path, 0);

    public static void Remove(string path) => Paths.TryRemove(path, out _);

    public static void DeleteAll()
    {
        foreach (var path in Paths.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort on the way out: the file is hidden and named .partial, never under the final name.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

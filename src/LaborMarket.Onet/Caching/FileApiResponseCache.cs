using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LaborMarket.Onet.Caching;

/// <summary>
/// A persistent cache: one file per response in a folder, named by a hash of the key, holding its expiry and the
/// body. Survives restarts, so a nightly enrichment job asks the API only for what changed or expired. Safe for
/// concurrent use: files are written to a temporary name and moved into place.
/// </summary>
public sealed class FileApiResponseCache : IApiResponseCache
{
    private readonly string _directory;
    private readonly TimeProvider _time;

    /// <summary>Creates the cache in <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The cache folder.</param>
    /// <param name="timeProvider">The clock (tests pass a fake one); default the system clock.</param>
    public FileApiResponseCache(string directory, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Directory.CreateDirectory(directory).FullName;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        // First line: expiry (UTC ticks) and the key (a hash collision or a damaged file reads as a miss).
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0)
        {
            return null;
        }

        var header = text.AsSpan(0, newline);
        var space = header.IndexOf(' ');
        if (space < 0
            || !long.TryParse(header[..space], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !header[(space + 1)..].SequenceEqual(key.AsSpan()))
        {
            return null;
        }

        if (ticks <= _time.GetUtcNow().UtcTicks)
        {
            TryDelete(path);
            return null;
        }

        return text[(newline + 1)..];
    }

    /// <inheritdoc />
    public async ValueTask SetAsync(string key, string body, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(body);
        if (key.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A cache key must be one line.", nameof(key));
        }

        var expires = _time.GetUtcNow().Add(timeToLive).UtcTicks;
        var path = PathOf(key);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllTextAsync(temp, string.Create(CultureInfo.InvariantCulture, $"{expires} {key}\n{body}"), cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    private string PathOf(string key) =>
        Path.Combine(_directory, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process may be rewriting it; an expired file is harmless.
        }
    }
}

using Microsoft.Extensions.Caching.Memory;

namespace LaborMarket.Onet.Caching;

/// <summary>The in-memory cache (the default): an <see cref="IMemoryCache"/>, sized by body length.</summary>
/// <param name="cache">The memory cache to keep bodies in.</param>
public sealed class MemoryApiResponseCache(IMemoryCache cache) : IApiResponseCache
{
    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(cache.TryGetValue(Prefix + key, out string? body) ? body : null);

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string body, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using (var entry = cache.CreateEntry(Prefix + key))
        {
            entry.Value = body;
            entry.AbsoluteExpirationRelativeToNow = timeToLive;
            entry.Size = body.Length;
        }

        return ValueTask.CompletedTask;
    }

    // Keeps these entries apart from whatever else the host keeps in the same IMemoryCache.
    private const string Prefix = "LaborMarket.Onet:";
}

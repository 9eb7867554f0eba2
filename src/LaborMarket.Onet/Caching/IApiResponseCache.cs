namespace LaborMarket.Onet.Caching;

/// <summary>
/// Where the web clients keep response bodies between calls. A hit makes no request. Keys name the source, its
/// version and the request (never a credential); values are the JSON bodies as received.
/// </summary>
public interface IApiResponseCache
{
    /// <summary>The cached body for <paramref name="key"/>, or null when absent or expired.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a body for <paramref name="timeToLive"/>.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="body">The response body.</param>
    /// <param name="timeToLive">How long the body stays valid.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask SetAsync(string key, string body, TimeSpan timeToLive, CancellationToken cancellationToken = default);
}

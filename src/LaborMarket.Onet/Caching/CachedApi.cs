using System.Text.Json;
using LaborMarket.Http;
using Microsoft.Extensions.Caching.Hybrid;

namespace LaborMarket.Onet.Caching;

/// <summary>
/// GETs a JSON resource through <see cref="HybridCache"/>: a hit makes no request; concurrent callers for one missing
/// key share one request; a miss asks the API, checks the answer (status, content type, size, UTF-8, JSON) and only
/// then stores it. A stored body that no longer parses is a miss: it is fetched again and overwritten.
/// Shared by the O*NET and CareerOneStop clients.
/// </summary>
internal sealed class CachedApi(HttpClient http, HybridCache? cache, ApiEndpoint endpoint, string cachePrefix, TimeSpan timeToLive)
{
    /// <summary>The parsed body, or null when the resource does not exist (404).</summary>
    public async Task<JsonDocument?> GetAsync(string relativeUri, CancellationToken cancellationToken)
    {
        var safeUri = endpoint.Redact(new Uri(http.BaseAddress!, relativeUri));
        if (cache is null || timeToLive <= TimeSpan.Zero)
        {
            return await FetchAsync(relativeUri, cancellationToken).ConfigureAwait(false) is { } fresh ? ApiResponses.Parse(fresh, endpoint, safeUri) : null;
        }

        // The key names the server and the request without its credentials (CareerOneStop puts the user id in the path).
        var key = cachePrefix + http.BaseAddress!.Authority + "/" + endpoint.Redact(relativeUri);
        var entry = new HybridCacheEntryOptions { Expiration = timeToLive, LocalCacheExpiration = timeToLive < LocalLimit ? timeToLive : LocalLimit };
        string body;
        try
        {
            body = await cache.GetOrCreateAsync(
                key,
                (Api: this, Uri: relativeUri),
                static async (state, ct) => await state.Api.FetchValidAsync(state.Uri, ct).ConfigureAwait(false),
                entry,
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // A damaged entry: fetch again and overwrite it.
            await cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
            if (await FetchAsync(relativeUri, cancellationToken).ConfigureAwait(false) is not { } fresh)
            {
                return null;
            }

            var document = ApiResponses.Parse(fresh, endpoint, safeUri);
            await cache.SetAsync(key, fresh, entry, cancellationToken: cancellationToken).ConfigureAwait(false);
            return document;
        }
    }

    private async Task<string?> FetchAsync(string relativeUri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(relativeUri, UriKind.Relative));
        return await ApiResponses.SendAsync(http, request, endpoint, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A body that parses (so a truncated body is never stored); a 404 leaves the cache untouched.</summary>
    private async Task<string> FetchValidAsync(string relativeUri, CancellationToken cancellationToken)
    {
        var body = await FetchAsync(relativeUri, cancellationToken).ConfigureAwait(false) ?? throw new NotFoundException();
        ApiResponses.Parse(body, endpoint, endpoint.Redact(new Uri(http.BaseAddress!, relativeUri))).Dispose();
        return body;
    }

    /// <summary>Memory holds an entry for an hour at most; the second level (SQLite) keeps it for the full duration.</summary>
    private static readonly TimeSpan LocalLimit = TimeSpan.FromHours(1);

    /// <summary>Carries a 404 out of the cache factory without storing anything.</summary>
    private sealed class NotFoundException : Exception;
}

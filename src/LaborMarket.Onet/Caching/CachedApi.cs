using System.Text.Json;
using LaborMarket.Http;

namespace LaborMarket.Onet.Caching;

/// <summary>
/// GETs a JSON resource through the response cache: a hit makes no request; a miss asks the API, checks the answer
/// (status, content type, JSON) and stores it. Shared by the O*NET and CareerOneStop clients.
/// </summary>
internal sealed class CachedApi(HttpClient http, IApiResponseCache? cache, string service, string cachePrefix, TimeSpan timeToLive, string?[] secrets)
{
    public string Service => service;

    /// <summary>The parsed body, or null when the resource does not exist (404).</summary>
    public async Task<JsonDocument?> GetAsync(string relativeUri, CancellationToken cancellationToken)
    {
        var key = cachePrefix + ApiResponses.Redact(new Uri(relativeUri, UriKind.Relative), secrets);
        var safeUri = ApiResponses.Redact(new Uri(http.BaseAddress!, relativeUri), secrets);
        if (cache is not null && await cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return ApiResponses.Parse(hit, service, safeUri);
        }

        using var response = await http.GetAsync(relativeUri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var body = await ApiResponses.ReadJsonAsync(response, service, safeUri, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        // Parse before caching so a truncated body is never stored.
        var document = ApiResponses.Parse(body, service, safeUri);
        if (cache is not null && timeToLive > TimeSpan.Zero)
        {
            await cache.SetAsync(key, body, timeToLive, cancellationToken).ConfigureAwait(false);
        }

        return document;
    }
}

using System.Net;
using System.Text.Json;

namespace LaborMarket.Http;

/// <summary>
/// Turns HTTP responses into JSON or into the one exception family, in exactly one place for every client:
/// status codes, rejected keys (O*NET answers a bad key with an HTML 403 page), rate limits, wrong content types,
/// empty and truncated bodies. Credentials are cut out of every address it reports.
/// </summary>
public static class ApiResponses
{
    /// <summary>
    /// The body of a successful JSON response; null for 404 when <paramref name="notFoundIsNull"/>; otherwise throws.
    /// </summary>
    public static async Task<string?> ReadJsonAsync(HttpResponseMessage response, string service, Uri safeUri, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var status = response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var looksHtml = mediaType is "text/html" || body.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

        if (status is HttpStatusCode.Unauthorized || (status is HttpStatusCode.Forbidden && looksHtml))
        {
            throw new LaborMarketApiException($"{service} rejected the API key: check the key (or token) in the client options", status, safeUri, body);
        }

        if (status is HttpStatusCode.TooManyRequests)
        {
            throw new LaborMarketRateLimitException($"{service} refused the request for rate; retrying did not help", status, safeUri, body, ApiResilience.RetryAfter(response));
        }

        if (status is HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new LaborMarketApiException($"{service} answered with an error", status, safeUri, body);
        }

        if (!IsJson(mediaType) || looksHtml)
        {
            throw new LaborMarketApiException($"{service} answered with '{mediaType ?? "no content type"}' where JSON was expected", status, safeUri, body);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new LaborMarketApiException($"{service} answered with an empty body", status, safeUri, body);
        }

        return body;
    }

    /// <summary>Parses a body, turning malformed or truncated JSON into <see cref="LaborMarketApiException"/>.</summary>
    public static JsonDocument Parse(string body, string service, Uri safeUri)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new LaborMarketApiException($"{service} sent JSON that could not be read ({ex.Message})", HttpStatusCode.OK, safeUri, body, ex);
        }
    }

    /// <summary>The address with each secret (key, token, user id) replaced by <c>***</c>.</summary>
    public static Uri Redact(Uri uri, params string?[] secrets)
    {
        var text = uri.ToString();
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, "***", StringComparison.Ordinal).Replace(Uri.EscapeDataString(secret), "***", StringComparison.Ordinal);
            }
        }

        return new Uri(text, UriKind.RelativeOrAbsolute);
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}

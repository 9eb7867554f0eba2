using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace LaborMarket.Http;

/// <summary>
/// Sends a request and turns the answer into a JSON body or into the one exception family, in exactly one place for
/// every client: status codes, rejected keys (O*NET answers a bad key with an HTML 403 page), rate limits, wrong
/// content types, empty, oversized, truncated and non-UTF-8 bodies, timeouts and an open circuit. Every message,
/// address and body it reports has the endpoint's credentials cut out.
/// </summary>
public static class ApiResponses
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Sends <paramref name="request"/> and returns the body of a successful JSON answer; null for 404 when
    /// <paramref name="notFoundIsNull"/>; otherwise throws. The body is read with a size cap and under the caller's token
    /// (and, for clients registered through DI, under the attempt and total timeouts).
    /// </summary>
    /// <param name="http">The client.</param>
    /// <param name="request">The request; disposed by the caller.</param>
    /// <param name="endpoint">The service's name, credentials, clock and size cap.</param>
    /// <param name="notFoundIsNull">True to answer 404 with null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The JSON text, or null.</returns>
    /// <exception cref="LaborMarketRateLimitException">The service refused for rate (429) and retrying did not help.</exception>
    /// <exception cref="LaborMarketApiException">The service answered with an error or a body that is not usable JSON.</exception>
    /// <exception cref="TimeoutException">No complete answer within the timeouts.</exception>
    public static async Task<string?> SendAsync(HttpClient http, HttpRequestMessage request, ApiEndpoint endpoint, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        var absolute = request.RequestUri is { IsAbsoluteUri: true } u ? u : new Uri(http.BaseAddress!, request.RequestUri!);
        var safeUri = endpoint.Redact(absolute);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{endpoint.ServiceName}: no complete answer from {absolute.Host} within the allowed time.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new LaborMarketApiException($"{endpoint.ServiceName}: requests to {absolute.Host} are paused after repeated failures; try again shortly", null, safeUri, null, ex);
        }
        catch (RateLimiterRejectedException ex)
        {
            throw new LaborMarketRateLimitException($"{endpoint.ServiceName}: the client-side request limiter refused the request", null, safeUri, null, ex.RetryAfter);
        }

        using (response)
        {
            var bytes = await ReadBoundedAsync(response, endpoint, safeUri, cancellationToken).ConfigureAwait(false);
            return Check(response, bytes, endpoint, safeUri, notFoundIsNull);
        }
    }

    /// <summary>Parses a body, turning malformed or truncated JSON into <see cref="LaborMarketApiException"/>.</summary>
    /// <param name="body">The JSON text.</param>
    /// <param name="endpoint">The service.</param>
    /// <param name="safeUri">The request address, credentials removed.</param>
    /// <returns>The document; the caller disposes it.</returns>
    public static JsonDocument Parse(string body, ApiEndpoint endpoint, Uri? safeUri)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(endpoint);
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Error(endpoint, $"sent JSON that could not be read ({ex.Message})", HttpStatusCode.OK, safeUri, body);
        }
    }

    /// <summary>
    /// An error for an answer the service gave (such as a refusal inside a 200 body), with the endpoint's credentials cut
    /// out of the message and the body.
    /// </summary>
    /// <param name="endpoint">The service.</param>
    /// <param name="problem">What went wrong, after the service's name ("rejected the key: ...").</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="safeUri">The request address, credentials removed.</param>
    /// <param name="body">The body, or null.</param>
    /// <param name="rateLimited">True for a refusal for rate or quota (<see cref="LaborMarketRateLimitException"/>).</param>
    /// <param name="retryAfter">The wait the service asked for, if any.</param>
    /// <returns>The exception, for the caller to throw.</returns>
    public static LaborMarketApiException Error(ApiEndpoint endpoint, string problem, HttpStatusCode? statusCode, Uri? safeUri, string? body, bool rateLimited = false, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var message = endpoint.Redact($"{endpoint.ServiceName} {problem}")!;
        var uri = safeUri is null ? null : endpoint.Redact(safeUri);
        body = endpoint.Redact(body);
        return rateLimited
            ? new LaborMarketRateLimitException(message, statusCode, uri, body, retryAfter)
            : new LaborMarketApiException(message, statusCode, uri, body);
    }

    /// <summary>The wait a response asks for (Retry-After as seconds or as a date read on <paramref name="time"/>), or null.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// Reads the whole body under <paramref name="cancellationToken"/>, refusing it as soon as it passes the cap (by its
    /// Content-Length, or while reading when it has none); a connection that breaks mid-body is a network error.
    /// </summary>
    internal static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, ApiEndpoint endpoint, Uri safeUri, CancellationToken cancellationToken)
    {
        var max = endpoint.MaxResponseBytes;
        var content = response.Content;
        if (content.Headers.ContentLength is { } length && length > max)
        {
            throw TooLarge(response, endpoint, safeUri);
        }

        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var body = new MemoryStream((int)Math.Min(content.Headers.ContentLength ?? 16 * 1024, max));
                var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        if (body.Length + read > max)
                        {
                            throw TooLarge(response, endpoint, safeUri);
                        }

                        body.Write(chunk, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }

                return body.ToArray();
            }
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"{endpoint.ServiceName}: the answer from {safeUri.Host} broke off while its body was read.", ex);
        }
    }

    private static LaborMarketApiException TooLarge(HttpResponseMessage response, ApiEndpoint endpoint, Uri safeUri) =>
        Error(endpoint, $"sent a body larger than the {endpoint.MaxResponseBytes:N0}-byte limit (ApiResilienceOptions.MaxResponseBytes); refused", response.StatusCode, safeUri, null);

    private static string? Check(HttpResponseMessage response, byte[] bytes, ApiEndpoint endpoint, Uri safeUri, bool notFoundIsNull)
    {
        var status = response.StatusCode;
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var lenient = Encoding.UTF8.GetString(bytes);
        var looksHtml = mediaType is "text/html" || lenient.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal);

        if (status is HttpStatusCode.Unauthorized || (status is HttpStatusCode.Forbidden && looksHtml))
        {
            throw Error(endpoint, "rejected the API key: check the key (or token) in the client options", status, safeUri, lenient);
        }

        if (status is HttpStatusCode.TooManyRequests)
        {
            throw Error(endpoint, "refused the request for rate; retrying did not help", status, safeUri, lenient, rateLimited: true, RetryAfter(response, endpoint.TimeProvider));
        }

        if (status is HttpStatusCode.NotFound && notFoundIsNull)
        {
            return null;
        }

        if ((int)status is >= 300 and < 400)
        {
            throw Error(endpoint, "answered with a redirect that the client does not follow", status, safeUri, lenient);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw Error(endpoint, "answered with an error", status, safeUri, lenient);
        }

        if (!IsJson(mediaType) || looksHtml)
        {
            throw Error(endpoint, $"answered with '{mediaType ?? "no content type"}' where JSON was expected", status, safeUri, lenient);
        }

        string body;
        try
        {
            body = StrictUtf8.GetString(bytes.AsSpan(bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0));
        }
        catch (DecoderFallbackException)
        {
            throw Error(endpoint, "sent a body that is not valid UTF-8", status, safeUri, lenient);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw Error(endpoint, "answered with an empty body", status, safeUri, body);
        }

        return body;
    }

    private static bool IsJson(string? mediaType) =>
        mediaType is not null
        && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}

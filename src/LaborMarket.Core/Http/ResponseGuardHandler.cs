using System.Net;

namespace LaborMarket.Http;

/// <summary>
/// The innermost handler of every LaborMarket client, inside the attempt timeout: follows a redirect only to the same
/// scheme, host and port (a redirect elsewhere is refused, so no key, token or body leaves for another host), and reads
/// the whole body with the size cap before the response goes back up the pipeline, so the attempt and total timeouts
/// cover the body and a stalled or dripping body counts as a timed-out attempt.
/// </summary>
internal sealed class ResponseGuardHandler(ApiEndpoint endpoint) : DelegatingHandler
{
    private const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = request.RequestUri!;
        var current = request;
        for (var hop = 0; ; hop++)
        {
            var response = await base.SendAsync(current, cancellationToken).ConfigureAwait(false);
            var safeUri = endpoint.Redact(current.RequestUri!);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is not { } location)
            {
                await BufferAsync(response, safeUri, cancellationToken).ConfigureAwait(false);
                return response;
            }

            response.Dispose();
            var target = location.IsAbsoluteUri ? location : new Uri(current.RequestUri!, location);
            if (Uri.Compare(target, origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw ApiResponses.Error(endpoint, $"redirected the request to another host ({endpoint.Redact(target.Host)}); refused so that no credential is sent there", response.StatusCode, safeUri, null);
            }

            if (hop >= MaxRedirects)
            {
                throw ApiResponses.Error(endpoint, $"redirected the request more than {MaxRedirects} times", response.StatusCode, safeUri, null);
            }

            // The intermediate requests are not disposed: a 307/308 shares the caller's body, which the caller disposes.
            current = Follow(current, target, response.StatusCode);
        }
    }

    private async Task BufferAsync(HttpResponseMessage response, Uri safeUri, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await ApiResponses.ReadBoundedAsync(response, endpoint, safeUri, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        var buffered = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        buffered.Headers.ContentLength = bytes.Length;
        response.Content.Dispose();
        response.Content = buffered;
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The same request at the new address: 307 and 308 keep the method and body; the others become a GET.</summary>
    private static HttpRequestMessage Follow(HttpRequestMessage request, Uri target, HttpStatusCode status)
    {
        var keep = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
        var next = new HttpRequestMessage(keep ? request.Method : HttpMethod.Get, target)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
            Content = keep ? request.Content : null,
        };
        foreach (var header in request.Headers)
        {
            next.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)next.Options)[option.Key] = option.Value;
        }

        return next;
    }
}

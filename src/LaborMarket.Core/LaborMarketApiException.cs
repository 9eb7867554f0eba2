using System.Net;

namespace LaborMarket;

/// <summary>
/// A web API (O*NET Web Services, CareerOneStop, the BLS Public Data API) answered with an error or with a body
/// that is not what it documents. Carries the status code, the request address with every credential removed,
/// and the start of the response body. Cancellation and network errors are not wrapped: they pass through.
/// </summary>
public class LaborMarketApiException : Exception
{
    /// <summary>The longest part of a response body kept in <see cref="ResponseBody"/>.</summary>
    public const int MaxBodyLength = 500;

    /// <summary>Creates the exception.</summary>
    public LaborMarketApiException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LaborMarketApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LaborMarketApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a response.</summary>
    /// <param name="message">What went wrong, in a sentence; never a credential.</param>
    /// <param name="statusCode">The HTTP status, or null when the response never came (such as a body that failed to parse).</param>
    /// <param name="requestUri">The request address with credentials already removed.</param>
    /// <param name="responseBody">The response body; trimmed to <see cref="MaxBodyLength"/> characters.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LaborMarketApiException(string message, HttpStatusCode? statusCode, Uri? requestUri, string? responseBody, Exception? innerException = null)
        : base(Describe(message, statusCode, requestUri), innerException)
    {
        StatusCode = statusCode;
        RequestUri = requestUri;
        ResponseBody = Trim(responseBody);
    }

    /// <summary>The HTTP status, or null when no status applies.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The request address, with every key, token and user id replaced by <c>***</c>.</summary>
    public Uri? RequestUri { get; }

    /// <summary>The start of the response body (at most <see cref="MaxBodyLength"/> characters), or null.</summary>
    public string? ResponseBody { get; }

    private static string Describe(string message, HttpStatusCode? status, Uri? uri) =>
        (status, uri) switch
        {
            ({ } s, { } u) => $"{message} ({(int)s} {s}, GET {u})",
            ({ } s, null) => $"{message} ({(int)s} {s})",
            (null, { } u) => $"{message} (GET {u})",
            _ => message,
        };

    private static string? Trim(string? body)
    {
        if (body is null)
        {
            return null;
        }

        body = body.Trim();
        return body.Length <= MaxBodyLength ? body : string.Concat(body.AsSpan(0, MaxBodyLength), "…");
    }
}

using System.Net;

namespace LaborMarket;

/// <summary>
/// The API refused the request for rate (HTTP 429) or quota, and retrying did not help. <see cref="RetryAfter"/>
/// says how long the server asked to wait, when it said.
/// </summary>
public class LaborMarketRateLimitException : LaborMarketApiException
{
    /// <summary>Creates the exception.</summary>
    public LaborMarketRateLimitException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LaborMarketRateLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public LaborMarketRateLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a refused request.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status (429, or 200 for a quota message in the body).</param>
    /// <param name="requestUri">The request address with credentials removed.</param>
    /// <param name="responseBody">The response body.</param>
    /// <param name="retryAfter">How long the server asked to wait, or null.</param>
    public LaborMarketRateLimitException(string message, HttpStatusCode? statusCode, Uri? requestUri, string? responseBody, TimeSpan? retryAfter)
        : base(message, statusCode, requestUri, responseBody)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the server asked to wait before the next request, or null when it did not say.</summary>
    public TimeSpan? RetryAfter { get; }
}

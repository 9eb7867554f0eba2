using System.Diagnostics;
using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Http;

/// <summary>
/// Logs each request of a web client with its credentials cut out of the address (CareerOneStop puts the
/// user id in the path), in place of IHttpClientFactory's default loggers, which log the address as is.
/// </summary>
public sealed partial class RedactingHttpLogger(ILogger logger, Func<string?[]> secrets) : IHttpClientLogger
{
    /// <inheritdoc/>
    public object? LogRequestStart(HttpRequestMessage request) => Stopwatch.GetTimestamp();

    /// <inheritdoc/>
    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // the redaction runs only when the level is enabled (checked above)
            Answered(logger, Safe(request), (int)response.StatusCode, elapsed.TotalMilliseconds);
#pragma warning restore CA1873
        }
    }

    /// <inheritdoc/>
    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
#pragma warning disable CA1873 // as above
            Failed(logger, Safe(request), elapsed.TotalMilliseconds, exception.GetType().Name);
#pragma warning restore CA1873
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GET {Uri} answered {StatusCode} in {ElapsedMilliseconds:0} ms")]
    private static partial void Answered(ILogger logger, string uri, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "GET {Uri} failed after {ElapsedMilliseconds:0} ms: {Error}")]
    private static partial void Failed(ILogger logger, string uri, double elapsedMilliseconds, string error);

    private string Safe(HttpRequestMessage request) =>
        request.RequestUri is { } uri ? ApiResponses.Redact(uri, secrets()).ToString() : "(no address)";
}

using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging.Testing;
using Xunit;

namespace LaborMarket.Testing;

/// <summary>What a client must throw for a fault: the test maps it to the package's exception types.</summary>
public enum FaultOutcome
{
    /// <summary><see cref="TimeoutException"/>: the attempt and total timeouts ended the call.</summary>
    Timeout,

    /// <summary>LaborMarketApiException (not the rate-limit subclass).</summary>
    ApiError,

    /// <summary>LaborMarketRateLimitException.</summary>
    RateLimited,

    /// <summary><see cref="HttpRequestException"/>: a network error passes through.</summary>
    NetworkError,
}

/// <summary>
/// The HTTP fault suite every web client runs against a real socket on 127.0.0.1: servers that stall before the headers
/// or mid-body, drip a byte at a time, send huge bodies (declared or chunked), redirect to another host, echo the whole
/// request (credentials included) into an error page, send HTML or text with 200, truncated JSON, a body cut short,
/// invalid UTF-8 or a 429 asking for an hour. Each case asserts the typed error, a bounded time, that the other host
/// saw no request, and that no credential appears in the exception or in any log line.
/// </summary>
public static class HttpFaults
{
    /// <summary>The longest any case may take; the clients are configured with sub-second attempt timeouts.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private static readonly Dictionary<string, (FaultOutcome Outcome, Func<LoopbackRequest, Stream, Uri, CancellationToken, Task> Respond)> Cases = new()
    {
        ["stall-before-headers"] = (FaultOutcome.Timeout, static async (_, _, _, ct) => await Task.Delay(Timeout.Infinite, ct)),
        ["stall-mid-body"] = (FaultOutcome.Timeout, static async (_, s, _, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(s, 200, "application/json", 2000, ct);
            await s.WriteAsync("{\"total\":1,\"occupation\":["u8.ToArray(), ct);
            await s.FlushAsync(ct);
            await Task.Delay(Timeout.Infinite, ct);
        }),
        ["drip"] = (FaultOutcome.Timeout, static async (_, s, _, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(s, 200, "application/json", 2000, ct);
            for (var i = 0; i < 2000; i++)
            {
                await s.WriteAsync(" "u8.ToArray(), ct);
                await s.FlushAsync(ct);
                await Task.Delay(50, ct);
            }
        }),
        ["huge-declared-length"] = (FaultOutcome.ApiError, static async (_, s, _, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(s, 200, "application/json", 200L * 1024 * 1024, ct);
            await Flood(s, ct);
        }),
        ["huge-chunked"] = (FaultOutcome.ApiError, static async (_, s, _, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(s, 200, "application/json", null, ct, "Transfer-Encoding: chunked");
            var chunk = Encoding.ASCII.GetBytes("10000\r\n" + new string(' ', 0x10000) + "\r\n");
            for (var i = 0; i < 4096; i++)
            {
                await s.WriteAsync(chunk, ct);
            }
        }),
        ["redirect-other-host"] = (FaultOutcome.ApiError, static (r, s, other, ct) =>
            LoopbackServer.WriteAsync(s, 302, "text/html", "moved", ct, $"Location: {new Uri(other, r.Target.TrimStart('/'))}")),
        ["redirect-307-other-host"] = (FaultOutcome.ApiError, static (r, s, other, ct) =>
            LoopbackServer.WriteAsync(s, 307, "text/html", "moved", ct, $"Location: {new Uri(other, r.Target.TrimStart('/'))}")),
        ["echo-error-page"] = (FaultOutcome.ApiError, static (r, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 400, "text/html", "<html><body><h1>Bad request</h1><pre>" + r.Raw + "</pre></body></html>", ct)),
        ["echo-403-html"] = (FaultOutcome.ApiError, static (r, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 403, "text/html", "<!DOCTYPE html><html><body>Invalid key. You sent: " + r.Raw + "</body></html>", ct)),
        ["echo-json-500"] = (FaultOutcome.ApiError, static (r, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 500, "application/json", "{\"error\":\"" + r.Raw.Replace("\"", "'", StringComparison.Ordinal).Replace("\r\n", " ", StringComparison.Ordinal) + "\"}", ct)),
        ["html-200"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "text/html", "<!DOCTYPE html><html><body>Service maintenance</body></html>", ct)),
        ["html-200-labelled-json"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "application/json", "<html><body>Sign in</body></html>", ct)),
        ["text-200"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "text/plain", "OK", ct)),
        ["empty-200"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "application/json", "", ct)),
        ["truncated-json"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "application/json", "{\"status\":\"REQUEST_SUCCEEDED\",\"total\":4,\"occupation\":[{\"code\":\"29-1141.00\",\"title\":\"Regis", ct)),
        ["invalid-utf8-json"] = (FaultOutcome.ApiError, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 200, "application/json", [.. "{\"title\":\"Regis"u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8], ct)),
        ["body-cut-short"] = (FaultOutcome.NetworkError, static async (_, s, _, ct) =>
        {
            await LoopbackServer.WriteHeadAsync(s, 200, "application/json", 2000, ct);
            await s.WriteAsync("{\"total\":1,"u8.ToArray(), ct);
            await s.FlushAsync(ct);
        }),
        ["retry-after-an-hour"] = (FaultOutcome.RateLimited, static (_, s, _, ct) =>
            LoopbackServer.WriteAsync(s, 429, "application/json", "{\"error\":\"Too many requests\"}", ct, "Retry-After: 3600")),
    };

    /// <summary>Every case's name, for a theory.</summary>
    public static TheoryData<string> Names => new(Cases.Keys);

    /// <summary>What the case must end in.</summary>
    public static FaultOutcome Outcome(string name) => Cases[name].Outcome;

    /// <summary>
    /// Runs one case: serves it on 127.0.0.1, calls the client at that address, and returns the exception after checking
    /// the time bound, the other host (no request) and the credentials (in no exception text and no log line).
    /// </summary>
    /// <param name="name">The case.</param>
    /// <param name="call">Builds a client for the base address, with the given log collector's provider, and makes one call.</param>
    /// <param name="logs">The log records of the run (read after the call).</param>
    /// <param name="secrets">Every credential the client holds.</param>
    public static async Task<Exception> RunAsync(string name, Func<Uri, Task> call, Func<FakeLogCollector> logs, params string[] secrets)
    {
        var (_, respond) = Cases[name];
        await using var other = new LoopbackServer(static (_, s, ct) => LoopbackServer.WriteAsync(s, 200, "application/json", "{}", ct));
        await using var server = new LoopbackServer((r, s, ct) => respond(r, s, other.BaseAddress, ct));

        var watch = Stopwatch.StartNew();
        Exception? error = null;
        try
        {
            await call(server.BaseAddress).WaitAsync(Bound + Bound);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        var elapsed = watch.Elapsed;
        Assert.True(error is not null, $"{name}: the call succeeded");
        Assert.False(error is System.TimeoutException && elapsed >= Bound + Bound, $"{name}: the call hung");
        Assert.True(elapsed < Bound, $"{name}: took {elapsed}");
        Assert.NotEmpty(server.Requests);
        Assert.Empty(other.Requests);
        AssertNoSecret(name, error!.ToString(), secrets);
        foreach (var record in logs().GetSnapshot())
        {
            AssertNoSecret(name, Describe(record), secrets);
        }

        return error!;
    }

    /// <summary>Fails when any credential (as is, URL-escaped or in any letter case) is in the text.</summary>
    public static void AssertNoSecret(string where, string? text, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.False(text?.Contains(secret, StringComparison.OrdinalIgnoreCase) == true, $"{where}: a credential leaked: {text}");
            Assert.False(text?.Contains(Uri.EscapeDataString(secret), StringComparison.OrdinalIgnoreCase) == true, $"{where}: a credential leaked: {text}");
        }
    }

    /// <summary>A log record as text: level, category, message, every structured value and the exception.</summary>
    public static string Describe(FakeLogRecord record) =>
        $"{record.Level} {record.Category} {record.Message} {string.Join(' ', record.StructuredState?.Select(p => p.Key + "=" + p.Value) ?? [])} {record.Exception}";

    private static async Task Flood(Stream s, CancellationToken ct)
    {
        var chunk = new byte[64 * 1024];
        chunk.AsSpan().Fill((byte)' ');
        for (var i = 0; i < 3200; i++)
        {
            await s.WriteAsync(chunk, ct);
        }
    }
}

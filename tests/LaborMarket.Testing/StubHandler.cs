using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace LaborMarket.Testing;

/// <summary>
/// Serves canned responses in place of the network and records every request that reached it, so tests can
/// count requests (retries, cache hits) and read the headers sent.
/// </summary>
public sealed class StubHandler(Func<HttpRequestMessage, int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<(Uri Uri, string? Key, string? Authorization, string? Body)> Requests { get; } = new();

    public int Count => Volatile.Read(ref _count);

    public static StubHandler Json(Func<string, string?> bodyForPathAndQuery) => new((request, _, _) =>
        Task.FromResult(bodyForPathAndQuery(request.RequestUri!.PathAndQuery) is { } body
            ? Respond(HttpStatusCode.OK, body)
            : Respond(HttpStatusCode.NotFound, """{"error":"not found"}""")));

    public static HttpResponseMessage Respond(HttpStatusCode status, string body, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    /// <summary>A recorded body copied beside the test assembly (<c>{folder}/Recorded/{name}</c>).</summary>
    public static string Recorded(string folder, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, "Recorded", name));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _count);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.RequestUri!, request.Headers.TryGetValues("X-API-Key", out var v) ? v.Single() : null, request.Headers.Authorization?.ToString(), body));
        return await respond(request, attempt, cancellationToken);
    }

    /// <summary>Answers a request as this stub would, for stubs that delegate to another.</summary>
    public Task<HttpResponseMessage> SendForTestAsync(HttpRequestMessage request, CancellationToken cancellationToken) => SendAsync(request, cancellationToken);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LaborMarket.Testing;

/// <summary>One request as it reached a <see cref="LoopbackServer"/>: the raw head (request line and headers) and the body.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Head">The request line and headers as sent.</param>
/// <param name="Body">The body, as text.</param>
public sealed record LoopbackRequest(string Method, string Target, string Head, string Body)
{
    /// <summary>Everything the client sent, for searching for credentials.</summary>
    public string Raw => Head + "\r\n\r\n" + Body;
}

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 (loopback only) whose answers are scripts writing bytes to the socket, so a test
/// can stall, drip, lie about lengths, cut a body short or redirect. One request per connection. Every connection is
/// cancelled when the server is disposed, so no script outlives its test.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackRequest, Stream, CancellationToken, Task> _respond;
    private readonly Task _accepting;

    /// <summary>Starts the server.</summary>
    /// <param name="respond">Writes the answer to a request; the connection closes when it returns.</param>
    public LoopbackServer(Func<LoopbackRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's address, ending in a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>Writes a complete answer with a Content-Length.</summary>
    public static Task WriteAsync(Stream stream, int status, string? contentType, string body, CancellationToken cancellationToken, params string[] headers) =>
        WriteAsync(stream, status, contentType, Encoding.UTF8.GetBytes(body), cancellationToken, headers);

    /// <summary>Writes a complete answer with a Content-Length.</summary>
    public static async Task WriteAsync(Stream stream, int status, string? contentType, byte[] body, CancellationToken cancellationToken, params string[] headers)
    {
        await WriteHeadAsync(stream, status, contentType, body.Length, cancellationToken, headers);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the status line and headers (with Content-Length when given, else chunked is up to the caller's headers).</summary>
    public static async Task WriteHeadAsync(Stream stream, int status, string? contentType, long? contentLength, CancellationToken cancellationToken, params string[] headers)
    {
        var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nConnection: close\r\n");
        if (contentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        if (contentLength is { } length)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {length}\r\n");
        }

        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await _respond(request, stream, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up (a timeout under test) or the server is stopping.
            }
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                break;
            }
        }

        var head = Encoding.ASCII.GetString(buffer.ToArray()).TrimEnd();
        var lines = head.Split("\r\n");
        var first = lines[0].Split(' ');
        var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[Math.Min(length, 1024 * 1024)];
        var read = 0;
        while (read < body.Length)
        {
            var n = await stream.ReadAsync(body.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return new LoopbackRequest(first[0], first.Length > 1 ? first[1] : "", head, Encoding.UTF8.GetString(body, 0, read));
    }
}

namespace LaborMarket.Http;

/// <summary>
/// What a web client tells the shared response handling about itself: the service's name for messages, the
/// credentials that must never leave the client (cut out of every address, body, message and log line), the clock
/// that reads <c>Retry-After</c> dates, and the largest body it accepts.
/// </summary>
public sealed class ApiEndpoint
{
    private readonly string[] _secrets;

    /// <summary>Describes a service.</summary>
    /// <param name="serviceName">The name used in messages, such as "O*NET Web Services".</param>
    /// <param name="secrets">The credentials (key, token, user id); null and empty ones are ignored.</param>
    /// <param name="timeProvider">The clock; default the system clock.</param>
    /// <param name="maxResponseBytes">The largest body accepted; default <see cref="ApiResilienceOptions.DefaultMaxResponseBytes"/>.</param>
    public ApiEndpoint(string serviceName, IEnumerable<string?> secrets, TimeProvider? timeProvider = null, long maxResponseBytes = ApiResilienceOptions.DefaultMaxResponseBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseBytes, 1);
        ServiceName = serviceName;
        TimeProvider = timeProvider ?? TimeProvider.System;
        MaxResponseBytes = maxResponseBytes;

        // Longest first, so a secret that contains another is cut out whole.
        _secrets = secrets.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The service's name, for messages.</summary>
    public string ServiceName { get; }

    /// <summary>The clock that reads <c>Retry-After</c> dates.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The largest response body accepted, in bytes.</summary>
    public long MaxResponseBytes { get; }

    /// <summary>The text with every credential (as is or URL-escaped, in any letter case) replaced by <c>***</c>.</summary>
    /// <param name="text">Any text: an address, a body, a message.</param>
    /// <returns>The text without credentials; null stays null.</returns>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>The address with every credential replaced by <c>***</c>.</summary>
    /// <param name="uri">The address.</param>
    /// <returns>The address without credentials.</returns>
    public Uri Redact(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new Uri(Redact(uri.OriginalString)!, UriKind.RelativeOrAbsolute);
    }
}

using LaborMarket.Http;

namespace LaborMarket.Onet.WebServices;

/// <summary>Options for <see cref="OnetClient"/> (<c>services.AddOnetClient(...)</c>).</summary>
public sealed class OnetClientOptions
{
    /// <summary>The O*NET Web Services API key, sent as the <c>X-API-Key</c> header. Required; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The service address. Default <c>https://api-v2.onetcenter.org/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://api-v2.onetcenter.org/");

    /// <summary>The content version the cache keys carry, so a new O*NET release never reads old entries. Default "2".</summary>
    public string CacheVersion { get; set; } = "2";

    /// <summary>How long a response stays cached. Default 90 days (O*NET updates quarterly at most); zero turns caching off.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Results asked for per page when paging. Default 200 (the service allows up to 2,000).</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>Retries, timeouts, circuit breaker and pacing. The default pacing follows O*NET's terms: about 5 requests a second.</summary>
    public ApiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Hides the key.</summary>
    public override string ToString() => $"OnetClientOptions {{ BaseAddress = {BaseAddress}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")} }}";
}

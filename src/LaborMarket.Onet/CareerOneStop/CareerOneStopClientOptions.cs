using LaborMarket.Http;

namespace LaborMarket.Onet.CareerOneStop;

/// <summary>Options for <see cref="CareerOneStopClient"/> (<c>services.AddCareerOneStopClient(...)</c>).</summary>
public sealed class CareerOneStopClientOptions
{
    /// <summary>Your CareerOneStop user id (it goes in the request path; never logged). Required.</summary>
    public string? UserId { get; set; }

    /// <summary>Your API token, sent as <c>Authorization: Bearer</c>. Required; never logged.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The service address. Default <c>https://api.careeronestop.org/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.careeronestop.org/");

    /// <summary>The content version the cache keys carry. Default "1".</summary>
    public string CacheVersion { get; set; } = "1";

    /// <summary>How long a response stays cached. Default 90 days; zero turns caching off.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Results per page when searching. Default 50.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Retries, timeouts, circuit breaker and pacing (default 5 requests a second).</summary>
    public ApiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Hides the user id and the token.</summary>
    public override string ToString() => $"CareerOneStopClientOptions {{ BaseAddress = {BaseAddress}, UserId = ***, ApiToken = *** }}";
}

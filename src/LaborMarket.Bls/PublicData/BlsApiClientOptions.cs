using LaborMarket.Http;

namespace LaborMarket.Bls.PublicData;

/// <summary>Options for <see cref="BlsApiClient"/> (<c>services.AddBlsApiClient(...)</c>).</summary>
public sealed class BlsApiClientOptions
{
    /// <summary>
    /// The registration key, optional. With it a query may ask for 50 series over 20 years and 500 queries a day;
    /// without it, 25 series over 10 years and 25 queries a day. Never logged.
    /// </summary>
    public string? RegistrationKey { get; set; }

    /// <summary>The service address. Default <c>https://api.bls.gov/publicAPI/v2/</c>.</summary>
    public Uri BaseAddress { get; set; } = new("https://api.bls.gov/publicAPI/v2/");

    /// <summary>Queries a day the client allows itself; null uses the service's limit for the key (500, or 25 without one).</summary>
    public int? DailyQueryLimit { get; set; }

    /// <summary>Retries, timeouts, circuit breaker and pacing.</summary>
    public ApiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Hides the key.</summary>
    public override string ToString() => $"BlsApiClientOptions {{ BaseAddress = {BaseAddress}, RegistrationKey = {(string.IsNullOrEmpty(RegistrationKey) ? "(none)" : "***")} }}";
}

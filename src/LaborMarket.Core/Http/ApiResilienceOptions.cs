namespace LaborMarket.Http;

/// <summary>
/// How the LaborMarket web clients (O*NET, CareerOneStop, BLS) retry, time out, break the circuit and pace their
/// requests. The defaults follow the services' published terms; hosts tune them through each client's options.
/// </summary>
public sealed class ApiResilienceOptions
{
    /// <summary>Retries after the first attempt on 429, 408, 5xx, timeouts and connection failures. Default 3; 0 turns retrying off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones double it, with jitter. Default 1 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for; a server asking for longer gets a
    /// <see cref="LaborMarketRateLimitException"/> at once. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time allowed for one attempt, from sending the request to the last byte of the body. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for a request with all its retries and their waits, bodies included. Default 60 s.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Share of failed attempts in <see cref="CircuitBreakerSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The window the failure ratio is measured over. Default 30 s.</summary>
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts needed in the window before the circuit may open. Default 10.</summary>
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit refuses requests. Default 15 s.</summary>
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Requests per second the client sends at most (a token bucket); 0 or less turns pacing off. Default 5.</summary>
    public double RequestsPerSecond { get; set; } = 5;

    /// <summary>
    /// The largest response body accepted, in bytes; a larger one is refused with <see cref="LaborMarketApiException"/>
    /// before it is read in full. Default 4 MiB, far above any real O*NET, CareerOneStop or BLS answer.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 4 MiB.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The problems with these values, empty when they are usable; the clients' option validators report them when the host starts.</summary>
    /// <returns>One sentence per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        void Check(bool bad, string problem)
        {
            if (bad)
            {
                problems.Add(problem);
            }
        }

        // Polly's own limits: retries up to int.MaxValue, timeouts of 10 ms to 1 day, breaks and windows of 0.5 s to 1 day.
        Check(MaxRetryAttempts is < 0 or > 100, "Resilience.MaxRetryAttempts must be 0 to 100.");
        Check(RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromDays(1), "Resilience.RetryBaseDelay must be 0 to 1 day.");
        Check(MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromDays(1), "Resilience.MaxRetryAfter must be 0 to 1 day.");
        Check(AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1), "Resilience.AttemptTimeout must be 10 ms to 1 day.");
        Check(TotalTimeout < AttemptTimeout || TotalTimeout > TimeSpan.FromDays(1), "Resilience.TotalTimeout must be at least AttemptTimeout and at most 1 day.");
        Check(CircuitBreakerFailureRatio is not (> 0 and <= 1), "Resilience.CircuitBreakerFailureRatio must be in (0, 1].");
        Check(CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500) || CircuitBreakerSamplingDuration > TimeSpan.FromDays(1), "Resilience.CircuitBreakerSamplingDuration must be 0.5 s to 1 day.");
        Check(CircuitBreakerMinimumThroughput < 2, "Resilience.CircuitBreakerMinimumThroughput must be at least 2.");
        Check(CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) || CircuitBreakerBreakDuration > TimeSpan.FromDays(1), "Resilience.CircuitBreakerBreakDuration must be 0.5 s to 1 day.");
        Check(double.IsNaN(RequestsPerSecond) || double.IsInfinity(RequestsPerSecond) || RequestsPerSecond > 10_000, "Resilience.RequestsPerSecond must be a number up to 10,000 (0 or less turns pacing off).");
        Check(MaxResponseBytes is < 1024 or > int.MaxValue, "Resilience.MaxResponseBytes must be 1 KiB to 2 GiB.");
        return problems;
    }
}

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

    /// <summary>Time allowed for one attempt. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for a request with all its retries. Default 60 s.</summary>
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
}

using System.Net;
using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace LaborMarket.Http;

/// <summary>
/// One client's resilience: a Polly pipeline (total timeout, retry honouring Retry-After, circuit breaker,
/// attempt timeout) and a token-bucket limiter. Built once per registered client and shared by every handler
/// the HTTP client factory creates, so the circuit state and the pacing hold across handler lifetimes.
/// </summary>
public sealed class ApiResilience : IDisposable
{
    private readonly RateLimiter? _limiter;

    /// <summary>Builds the pipeline and limiter from validated options.</summary>
    public ApiResilience(ApiResilienceOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Validate(options) is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (timeProvider is not null)
        {
            builder.TimeProvider = timeProvider;
        }

        builder.AddTimeout(options.TotalTimeout);
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, options.MaxRetryAfter)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreakerFailureRatio,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, TimeSpan.MaxValue)),
        });
        builder.AddTimeout(options.AttemptTimeout);
        Pipeline = builder.Build();

        if (options.RequestsPerSecond > 0)
        {
            // A bucket of one second's worth of requests, refilled in small steps so bursts stay short.
            var perSecond = Math.Max(1, (int)Math.Ceiling(options.RequestsPerSecond));
            _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1 / options.RequestsPerSecond),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>The pipeline every request runs through.</summary>
    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    /// <summary>Waits for the limiter's permission (no wait when pacing is off).</summary>
    public async ValueTask<RateLimitLease?> AcquireAsync(CancellationToken cancellationToken)
        => _limiter is null ? null : await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public void Dispose() => _limiter?.Dispose();

    /// <summary>The first problem with the options, or null.</summary>
    public static string? Validate(ApiResilienceOptions o) =>
        o.MaxRetryAttempts < 0 ? "MaxRetryAttempts must not be negative."
        : o.RetryBaseDelay < TimeSpan.Zero ? "RetryBaseDelay must not be negative."
        : o.AttemptTimeout < TimeSpan.FromMilliseconds(10) ? "AttemptTimeout must be at least 10 ms."
        : o.TotalTimeout < o.AttemptTimeout ? "TotalTimeout must be at least AttemptTimeout."
        : o.CircuitBreakerFailureRatio is <= 0 or > 1 ? "CircuitBreakerFailureRatio must be in (0, 1]."
        : o.CircuitBreakerSamplingDuration < TimeSpan.FromMilliseconds(500) ? "CircuitBreakerSamplingDuration must be at least 0.5 s."
        : o.CircuitBreakerMinimumThroughput < 2 ? "CircuitBreakerMinimumThroughput must be at least 2."
        : o.CircuitBreakerBreakDuration < TimeSpan.FromMilliseconds(500) ? "CircuitBreakerBreakDuration must be at least 0.5 s."
        : double.IsNaN(o.RequestsPerSecond) ? "RequestsPerSecond must be a number."
        : null;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => IsTransient(r.StatusCode) && !(RetryAfter(r) > maxRetryAfter),
        _ => false,
    };

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>The wait a response asks for (Retry-After as seconds or a date), or null.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

/// <summary>
/// One registered client's <see cref="ApiResilience"/>, as a singleton of its own type so that each client keeps
/// its own circuit and pacing; the container disposes it with the limiter.
/// </summary>
public sealed class ClientResilience<TClient>(ApiResilienceOptions options, TimeProvider? timeProvider) : IDisposable
{
    /// <summary>The client's resilience.</summary>
    public ApiResilience Value { get; } = new(options, timeProvider);

    /// <inheritdoc/>
    public void Dispose() => Value.Dispose();
}

/// <summary>Runs each request through its client's <see cref="ApiResilience"/>.</summary>
public sealed class ApiResilienceHandler(ApiResilience resilience) : DelegatingHandler
{
    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await resilience.AcquireAsync(cancellationToken).ConfigureAwait(false);
        if (lease is { IsAcquired: false })
        {
            throw new LaborMarketRateLimitException("The client-side request limiter refused the request.", null, null, null, null);
        }

        try
        {
            return await resilience.Pipeline.ExecuteAsync(
                static (state, ct) => new ValueTask<HttpResponseMessage>(state.Handler.SendCoreAsync(state.Request, ct)),
                (Handler: this, Request: request),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No response from {request.RequestUri?.Host} within the allowed time.", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new LaborMarketApiException($"Requests to {request.RequestUri?.Host} are paused after repeated failures; try again shortly.", ex);
        }
    }

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}

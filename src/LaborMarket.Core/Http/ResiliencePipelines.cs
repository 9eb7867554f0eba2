using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace LaborMarket.Http;

/// <summary>
/// Builds a client's pipeline on Microsoft.Extensions.Http.Resilience from <see cref="ApiResilienceOptions"/>, outermost
/// first: rate limiter, total timeout, retry (honouring Retry-After up to a cap), circuit breaker, attempt timeout.
/// Every wait and timer runs on the injected <see cref="TimeProvider"/>.
/// </summary>
internal static class ResiliencePipelines
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ApiResilienceOptions o, TimeProvider time)
    {
        pipeline.TimeProvider = time;
        if (o.RequestsPerSecond > 0)
        {
            var pacer = new RequestPacer(o.RequestsPerSecond, time);
            pipeline.AddRateLimiter(new HttpRateLimiterStrategyOptions
            {
                Name = "LaborMarket-RateLimiter",
                RateLimiter = args => pacer.AcquireAsync(args.Context.CancellationToken),
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "LaborMarket-TotalTimeout", Timeout = o.TotalTimeout });
        if (o.MaxRetryAttempts > 0)
        {
            var cap = o.MaxRetryAfter;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                Name = "LaborMarket-Retry",
                MaxRetryAttempts = o.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.RetryBaseDelay,
                ShouldRetryAfterHeader = false, // read below, on the injected clock
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, time, cap)),
                DelayGenerator = args => ValueTask.FromResult(ApiResponses.RetryAfter(args.Outcome.Result, time)),
            });
        }

        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            Name = "LaborMarket-CircuitBreaker",
            FailureRatio = o.CircuitBreakerFailureRatio,
            SamplingDuration = o.CircuitBreakerSamplingDuration,
            MinimumThroughput = o.CircuitBreakerMinimumThroughput,
            BreakDuration = o.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, time, TimeSpan.MaxValue)),
        });
        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "LaborMarket-AttemptTimeout", Timeout = o.AttemptTimeout });
    }

    /// <summary>Worth another attempt: a network error, a timed-out attempt, or 408, 429, 5xx (not a 429 asking for longer than the cap).</summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan maxRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } r } => (r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)r.StatusCode >= 500)
            && !(ApiResponses.RetryAfter(r, time) > maxRetryAfter),
        _ => false,
    };
}

using System.Threading.RateLimiting;

namespace LaborMarket.Http;

/// <summary>
/// The token bucket behind the pipeline's rate limiter, on the injected <see cref="TimeProvider"/>: a burst of up to one
/// second's worth of requests, then one request every 1/rate seconds, first come first served. (The token bucket of
/// System.Threading.RateLimiting reads the machine's clock even when replenished by hand, so it would not follow an
/// injected clock.)
/// </summary>
internal sealed class RequestPacer(double perSecond, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly double _burst = Math.Max(1, Math.Ceiling(perSecond));
    private double _tokens = Math.Max(1, Math.Ceiling(perSecond));
    private long _last = time.GetTimestamp();

    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;

            // Reserve a token; a negative count is the queue, and each place in it waits one more interval.
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / perSecond);
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    _tokens += 1; // the place is given back
                }

                throw;
            }
        }

        return Granted.Instance;
    }

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

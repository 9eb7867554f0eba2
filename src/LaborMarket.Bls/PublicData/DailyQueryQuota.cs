using System.Net;

namespace LaborMarket.Bls.PublicData;

/// <summary>
/// The day's count of BLS queries, one per container (the typed clients come and go; the count stays), on the
/// injected clock. The day turns at midnight US Eastern, as the service's does.
/// </summary>
internal sealed class DailyQueryQuota(BlsApiClientOptions options, TimeProvider? timeProvider)
{
    private readonly bool _hasKey = !string.IsNullOrWhiteSpace(options.RegistrationKey);
    private readonly int _limit = options.DailyQueryLimit ?? (string.IsNullOrWhiteSpace(options.RegistrationKey) ? 25 : 500);
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly object _gate = new();
    private DateOnly _day;
    private int _count;

    public int QueriesToday
    {
        get
        {
            lock (_gate)
            {
                return Today() == _day ? _count : 0;
            }
        }
    }

    public int Remaining => Math.Max(0, _limit - QueriesToday);

    /// <summary>Counts one query, or refuses it (before it is sent) when the day's limit is used up.</summary>
    public void Take()
    {
        lock (_gate)
        {
            var today = Today();
            if (today != _day)
            {
                _day = today;
                _count = 0;
            }

            if (_count >= _limit)
            {
                throw new LaborMarketRateLimitException(
                    $"{BlsApiClient.Service}: the daily limit of {_limit} queries is used up{(_hasKey ? "" : " (register a key for 500 a day)")}; it resets at midnight US Eastern",
                    HttpStatusCode.TooManyRequests, null, null, null);
            }

            _count++;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), Eastern).DateTime);

    private static readonly TimeZoneInfo Eastern = FindEastern();

    private static TimeZoneInfo FindEastern()
    {
        foreach (var id in new[] { "America/New_York", "Eastern Standard Time" })
        {
            try
            {
                return TimeZoneInfo.FindSystemTimeZoneById(id);
            }
            catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
            }
        }

        // No time zone data on the machine: a fixed UTC-5 is within an hour of the service's day.
        return TimeZoneInfo.CreateCustomTimeZone("US Eastern (fixed)", TimeSpan.FromHours(-5), "US Eastern", "US Eastern");
    }
}

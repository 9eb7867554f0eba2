using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.Options;

namespace LaborMarket.Onet;

/// <summary>Checks the web clients' options when the host starts, so a missing key fails fast and clearly.</summary>
internal sealed class WebClientOptionsValidator : IValidateOptions<OnetClientOptions>, IValidateOptions<CareerOneStopClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OnetClientOptions options) => Result(
        [
            string.IsNullOrWhiteSpace(options.ApiKey) ? "OnetClientOptions.ApiKey is required (O*NET Web Services key, sent as X-API-Key)." : null,
            options.BaseAddress is { IsAbsoluteUri: true } ? null : "OnetClientOptions.BaseAddress must be an absolute address.",
            options.PageSize is < 1 or > 2000 ? "OnetClientOptions.PageSize must be 1 to 2000." : null,
            CacheDuration("OnetClientOptions", options.CacheDuration),
        ],
        options.Resilience is null ? ["OnetClientOptions.Resilience is required."] : options.Resilience.Validate().Select(p => "OnetClientOptions." + p));

    public ValidateOptionsResult Validate(string? name, CareerOneStopClientOptions options) => Result(
        [
            string.IsNullOrWhiteSpace(options.UserId) ? "CareerOneStopClientOptions.UserId is required." : null,
            string.IsNullOrWhiteSpace(options.ApiToken) ? "CareerOneStopClientOptions.ApiToken is required." : null,
            options.BaseAddress is { IsAbsoluteUri: true } ? null : "CareerOneStopClientOptions.BaseAddress must be an absolute address.",
            options.PageSize is < 1 or > 500 ? "CareerOneStopClientOptions.PageSize must be 1 to 500." : null,
            CacheDuration("CareerOneStopClientOptions", options.CacheDuration),
        ],
        options.Resilience is null ? ["CareerOneStopClientOptions.Resilience is required."] : options.Resilience.Validate().Select(p => "CareerOneStopClientOptions." + p));

    /// <summary>Zero turns caching off; the upper bound keeps every expiry a representable date.</summary>
    private static string? CacheDuration(string type, TimeSpan duration) =>
        duration < TimeSpan.Zero || duration > MaxCacheDuration ? $"{type}.CacheDuration must be 0 to {MaxCacheDuration.TotalDays:0} days." : null;

    private static readonly TimeSpan MaxCacheDuration = TimeSpan.FromDays(3650);

    private static ValidateOptionsResult Result(string?[] problems, IEnumerable<string> more)
    {
        var failures = problems.OfType<string>().Concat(more).ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

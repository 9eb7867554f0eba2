using LaborMarket.Http;
using LaborMarket.Onet.CareerOneStop;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.Options;

namespace LaborMarket.Onet;

/// <summary>Checks the web clients' options when the host starts, so a missing key fails fast and clearly.</summary>
internal sealed class WebClientOptionsValidator : IValidateOptions<OnetClientOptions>, IValidateOptions<CareerOneStopClientOptions>
{
    public ValidateOptionsResult Validate(string? name, OnetClientOptions options) => Result(
        string.IsNullOrWhiteSpace(options.ApiKey) ? "OnetClientOptions.ApiKey is required (O*NET Web Services key, sent as X-API-Key)." : null,
        options.BaseAddress is { IsAbsoluteUri: true } ? null : "OnetClientOptions.BaseAddress must be an absolute address.",
        options.PageSize is < 1 or > 2000 ? "OnetClientOptions.PageSize must be 1 to 2000." : null,
        options.CacheDuration < TimeSpan.Zero ? "OnetClientOptions.CacheDuration must not be negative." : null,
        options.Resilience is null ? "OnetClientOptions.Resilience is required." : ApiResilience.Validate(options.Resilience));

    public ValidateOptionsResult Validate(string? name, CareerOneStopClientOptions options) => Result(
        string.IsNullOrWhiteSpace(options.UserId) ? "CareerOneStopClientOptions.UserId is required." : null,
        string.IsNullOrWhiteSpace(options.ApiToken) ? "CareerOneStopClientOptions.ApiToken is required." : null,
        options.BaseAddress is { IsAbsoluteUri: true } ? null : "CareerOneStopClientOptions.BaseAddress must be an absolute address.",
        options.PageSize is < 1 or > 500 ? "CareerOneStopClientOptions.PageSize must be 1 to 500." : null,
        options.CacheDuration < TimeSpan.Zero ? "CareerOneStopClientOptions.CacheDuration must not be negative." : null,
        options.Resilience is null ? "CareerOneStopClientOptions.Resilience is required." : ApiResilience.Validate(options.Resilience));

    private static ValidateOptionsResult Result(params string?[] problems)
    {
        var failures = problems.OfType<string>().ToArray();
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

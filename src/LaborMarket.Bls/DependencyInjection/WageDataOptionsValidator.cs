using Microsoft.Extensions.Options;

namespace LaborMarket.Bls;

internal sealed class WageDataOptionsValidator : IValidateOptions<WageDataOptions>
{
    public ValidateOptionsResult Validate(string? name, WageDataOptions options)
        => options.DataDirectory is { } path && !Directory.Exists(path)
            ? ValidateOptionsResult.Fail($"DataDirectory '{path}' does not exist.")
            : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Options;

namespace LaborMarket.Onet;

internal sealed class OnetDatabaseOptionsValidator : IValidateOptions<OnetDatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, OnetDatabaseOptions options)
        => options.DatabasePath is { } path && !Directory.Exists(path) && !File.Exists(path)
            ? ValidateOptionsResult.Fail($"DatabasePath '{path}' does not exist.")
            : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Options;

namespace LaborMarket.Inference;

internal sealed class ModelRegistryOptionsValidator : IValidateOptions<ModelRegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelRegistryOptions options)
        => options.RegistryPath is { } path && !Directory.Exists(path)
            ? ValidateOptionsResult.Fail($"RegistryPath '{path}' does not exist.")
            : ValidateOptionsResult.Success;
}

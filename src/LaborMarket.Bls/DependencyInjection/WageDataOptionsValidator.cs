using Microsoft.Extensions.Options;

namespace LaborMarket.Bls;

internal sealed class WageDataOptionsValidator : IValidateOptions<WageDataOptions>
{
    public ValidateOptionsResult Validate(string? name, WageDataOptions options)
    {
        var problems = new List<string>();
        if (options.DataDirectory is { } path && !Directory.Exists(path))
        {
            problems.Add($"DataDirectory '{path}' does not exist.");
        }

        problems.AddRange(options.Files.Where(f => !File.Exists(f)).Select(f => $"Files: '{f}' does not exist."));
        if (options.IndexFile is { } index && !File.Exists(index))
        {
            problems.Add($"IndexFile '{index}' does not exist.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

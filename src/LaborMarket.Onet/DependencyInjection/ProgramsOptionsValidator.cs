using Microsoft.Extensions.Options;

namespace LaborMarket.Onet;

/// <summary>Checks the programs options when the host starts: required paths set, every path present, numbers in range.</summary>
internal sealed class ProgramsOptionsValidator : IValidateOptions<ProgramsOptions>
{
    public ValidateOptionsResult Validate(string? name, ProgramsOptions options)
    {
        var failures = new List<string>();
        File(options.CrosswalkPath, nameof(ProgramsOptions.CrosswalkPath), required: true, failures);
        File(options.CipCodesPath, nameof(ProgramsOptions.CipCodesPath), required: false, failures);
        Folder(options.OnetDatabasePath, nameof(ProgramsOptions.OnetDatabasePath), orFile: true, failures);
        if (options.RatingsPath is { } ratings && !Directory.Exists(ratings))
        {
            failures.Add($"{nameof(ProgramsOptions.RatingsPath)}: the folder '{ratings}' does not exist.");
        }

        if (!(options.ImportanceThreshold is >= 1 and <= 5))
        {
            failures.Add($"{nameof(ProgramsOptions.ImportanceThreshold)} must be between 1 and 5 (O*NET's importance scale).");
        }

        if (!(options.MinimumSimilarity >= 0))
        {
            failures.Add($"{nameof(ProgramsOptions.MinimumSimilarity)} must be 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void File(string? path, string option, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                failures.Add($"{option} is not set.");
            }
        }
        else if (!System.IO.File.Exists(path))
        {
            failures.Add($"{option}: the file '{path}' does not exist.");
        }
    }

    private static void Folder(string? path, string option, bool orFile, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add($"{option} is not set.");
        }
        else if (!Directory.Exists(path) && !(orFile && System.IO.File.Exists(path)))
        {
            failures.Add($"{option}: '{path}' does not exist.");
        }
    }
}

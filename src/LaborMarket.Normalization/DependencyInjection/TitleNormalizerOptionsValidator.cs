using LaborMarket.Normalization.Titles;
using Microsoft.Extensions.Options;

namespace LaborMarket.Normalization;

internal sealed class TitleNormalizerOptionsValidator : IValidateOptions<TitleNormalizerOptions>
{
    public ValidateOptionsResult Validate(string? name, TitleNormalizerOptions options)
    {
        var failures = new List<string>();
        if (options.CatalogPath is { } catalog && !File.Exists(catalog))
        {
            failures.Add($"CatalogPath '{catalog}' does not exist.");
        }

        if (options.OnetDatabasePath is { } onet && !Directory.Exists(onet) && !File.Exists(onet))
        {
            failures.Add($"OnetDatabasePath '{onet}' is neither a folder nor a file.");
        }

        if (options.TopK is < 1 or > 50)
        {
            failures.Add($"TopK must be between 1 and 50 (was {options.TopK}).");
        }

        if (options.ReviewThreshold is < 0 or > 1 || double.IsNaN(options.ReviewThreshold))
        {
            failures.Add($"ReviewThreshold must be between 0 and 1 (was {options.ReviewThreshold}).");
        }

        if (options.CacheSize < 0)
        {
            failures.Add($"CacheSize must be 0 or more (was {options.CacheSize}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

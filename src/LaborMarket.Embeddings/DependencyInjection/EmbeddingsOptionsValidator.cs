using Microsoft.Extensions.Options;

namespace LaborMarket.Embeddings;

internal sealed class EmbeddingsOptionsValidator : IValidateOptions<EmbeddingsOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddingsOptions options)
    {
        var failures = new List<string>();
        if (options.OnetDatabasePath is { } onet && !Directory.Exists(onet) && !File.Exists(onet))
        {
            failures.Add($"OnetDatabasePath '{onet}' is neither a folder nor a file.");
        }

        if (options.CacheDirectory is { } cache && File.Exists(cache))
        {
            failures.Add($"CacheDirectory '{cache}' is a file, not a folder.");
        }

        if (options.Threads is < 0 or > 256)
        {
            failures.Add($"Threads must be between 0 and 256 (was {options.Threads}).");
        }

        if (options.ReviewThreshold is < 0 or > 1 || double.IsNaN(options.ReviewThreshold))
        {
            failures.Add($"ReviewThreshold must be between 0 and 1 (was {options.ReviewThreshold}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace LaborMarket.Cli.Hosting;

/// <summary>What <c>--online</c> needs from the environment, checked before any host is built.</summary>
internal static class OnlineOnet
{
    /// <summary>The O*NET Web Services key from env ONET_API_KEY.</summary>
    public static string Key() => Environment.GetEnvironmentVariable("ONET_API_KEY") is { } key && !string.IsNullOrWhiteSpace(key)
        ? key
        : throw new CliUserException("--online needs an O*NET Web Services key in env ONET_API_KEY.");

    /// <summary>The address given (else env LABORMARKET_ONET_URL), or null for the public service.</summary>
    public static Uri? Address(string? given)
    {
        var text = given ?? Environment.GetEnvironmentVariable("LABORMARKET_ONET_URL");
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url)
            ? url
            : throw new CliUserException($"'{text}' is not an absolute address for --onet-url (or env LABORMARKET_ONET_URL).");
    }
}

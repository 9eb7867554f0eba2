using System.CommandLine;
using LaborMarket.Cli.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Cli;

/// <summary>The <c>labormarket</c> command: parses arguments, runs a command, maps failures to exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdin, stdout, stderr);
        var root = BuildRootCommand(console);
        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            await stderr.WriteLineAsync($"error: {OneLine(ex)}").ConfigureAwait(false);
            return ExitCodes.UserError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync($"internal error: {ex}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    internal static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "labormarket: normalize job titles, look up OEWS wages, read O*NET occupations and run wage models.");
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        Semantic.SemanticCommands.Extend(root, console);
        return root;
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        Normalize.NormalizeCommand.Create(console),
        Wages.WagesCommand.Create(console),
        Models.ModelCommand.Create(console),
        Occupations.OccupationCommand.Create(console),
        Profiles.ProfileCommand.Create(console),
        Pipeline.PipelineCommand.Create(console),
        .. Semantic.SemanticCommands.Create(console),
    ];

    // Bad input (files, formats, options) is the user's to fix; anything else is our bug.
    private static bool IsUserError(Exception ex) => ex is CliUserException
        or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException
        or FormatException or OptionsValidationException or ArgumentException or IOException
        or LaborMarket.LaborMarketApiException or HttpRequestException or TimeoutException;

    private static string OneLine(Exception ex) => UserMessage(ex).ReplaceLineEndings(" ");

    /// <summary>The message a user should read: without the "(Parameter 'x')" that argument exceptions append.</summary>
    internal static string UserMessage(Exception ex)
    {
        var message = ex.Message;
        var suffix = ex is ArgumentException { ParamName: { } name } ? $" (Parameter '{name}')" : null;
        return suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using Microsoft.Extensions.Options;

namespace LaborMarket.Cli;

/// <summary>The <c>labormarket</c> command: parses arguments, runs a command, maps failures to exit codes.</summary>
internal static class CliApp
{
    /// <summary>Turns logging on and shows the full detail of errors.</summary>
    internal static readonly Option<bool> Verbose = new("--verbose") { Description = "Log what the command does (to stderr) and show the detail of errors.", Recursive = true };

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr,
        CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(stdin, stdout, stderr);
        var root = BuildRootCommand(console);
        var parse = root.Parse(args);
        if (UsageErrors.AsksForHelp(parse))
        {
            UsageErrors.RelaxForHelp(root);
            parse = root.Parse(args);
        }

        if (UsageErrors.Find(parse, args) is { } usage)
        {
            await stderr.WriteLineAsync($"error: {usage.TrimEnd('.')}; {UsageErrors.Hint(parse)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var verbose = parse.GetValue(Verbose);
        CliHost.Verbose = verbose;
        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("interrupted").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync($"error: {OneLine(ex).TrimEnd('.')}; {UsageErrors.Hint(parse)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            await stderr.WriteLineAsync($"error: {OneLine(ex)}").ConfigureAwait(false);
            if (verbose)
            {
                await stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            if (verbose)
            {
                await stderr.WriteLineAsync($"internal error: {ex}").ConfigureAwait(false);
                return ExitCodes.InternalError;
            }

            var detail = WriteDetail(ex);
            await stderr.WriteLineAsync(detail is null
                ? $"internal error in labormarket ({ex.GetType().Name}: {OneLine(ex)}); run again with --verbose for the detail."
                : $"internal error in labormarket ({ex.GetType().Name}); the detail is in {detail}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    internal static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand(
            "labormarket: normalize job titles, look up OEWS wages, read O*NET occupations and run wage models.");
        root.Options.Add(Verbose);
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        Semantic.SemanticCommands.Extend(root, console);

        // Exit codes close the help of every command.
        foreach (var command in Descendants(root))
        {
            if (command.Options.OfType<HelpOption>().FirstOrDefault() is { Action: HelpAction help } option)
            {
                option.Action = new ExitCodeHelpAction(help);
            }
        }

        return root;
    }

    private static IEnumerable<Command> Descendants(Command command)
    {
        yield return command;
        foreach (var sub in command.Subcommands.SelectMany(Descendants))
        {
            yield return sub;
        }
    }

    private static IEnumerable<Command> Commands(CliConsole console) =>
    [
        Normalize.NormalizeCommand.Create(console),
        Wages.WagesCommand.Create(console),
        Models.ModelCommand.Create(console),
        Occupations.OccupationCommand.Create(console),
        Profiles.ProfileCommand.Create(console),
        Pipeline.PipelineCommand.Create(console),
        Programs.ProgramsCommand.Create(console),
        Programs.OccupationsCommand.Create(console),
        Programs.RelatedCommand.Create(console),
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

    // The stack trace of an internal error goes to a file, not over the user's terminal.
    private static string? WriteDetail(Exception ex)
    {
        try
        {
            var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture,
                $"labormarket-error-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}.txt"));
            File.WriteAllText(path, ex.ToString());
            return path;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The standard help, then the exit codes.</summary>
    private sealed class ExitCodeHelpAction(HelpAction inner) : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodes.Help);
            parseResult.InvocationConfiguration.Output.WriteLine();
            return code;
        }
    }
}

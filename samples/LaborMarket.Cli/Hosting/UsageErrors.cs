using System.CommandLine;
using System.CommandLine.Parsing;

namespace LaborMarket.Cli.Hosting;

/// <summary>Turns what the parser could not accept into one line that names the option and suggests a near one.</summary>
internal static class UsageErrors
{
    /// <summary>The first usage problem of a parse, or null when the command line is fine.</summary>
    public static string? Find(ParseResult parse, IReadOnlyList<string> args)
    {
        var command = parse.CommandResult.Command;
        foreach (var token in parse.UnmatchedTokens)
        {
            return Unknown(token, command);
        }

        // A token that looks like an option but landed in a positional argument is a mistyped option, not a value
        // (unless the user wrote "--" before it, the usual way to pass a value that starts with a dash).
        var dashDash = IndexOf(args, "--");
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && (dashDash < 0 || IndexOf(args, token.Value) < dashDash))
            {
                return Unknown(token.Value, command);
            }
        }

        if (parse.Errors.Count > 0)
        {
            return parse.Errors[0].Message;
        }

        return null;
    }

    /// <summary>Whether the command line asks for help ("--help", "-h", "-?").</summary>
    public static bool AsksForHelp(ParseResult parse) =>
        parse.Tokens.Any(t => t.Type == TokenType.Option && t.Value is "--help" or "-h" or "-?" or "/?" or "/h");

    /// <summary>
    /// Makes every option and argument of a command tree optional, so that "--help" on a command with required
    /// options shows its help instead of the missing option.
    /// </summary>
    public static void RelaxForHelp(Command command)
    {
        foreach (var option in command.Options)
        {
            option.Required = false;
        }

        foreach (var argument in command.Arguments)
        {
            argument.Arity = new ArgumentArity(0, argument.Arity.MaximumNumberOfValues);
        }

        foreach (var sub in command.Subcommands)
        {
            RelaxForHelp(sub);
        }
    }

    /// <summary>The hint printed after a usage error.</summary>
    public static string Hint(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Insert(0, result.Command is RootCommand ? "labormarket" : result.Command.Name);
        }

        return $"run '{string.Join(' ', names)} --help' for usage.";
    }

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-' && !char.IsAsciiDigit(value[1]) && value[1] != '.';

    private static string Unknown(string token, Command command)
    {
        var kind = LooksLikeOption(token) ? "option" : "argument";
        var name = token.Split('=', 2)[0];
        var suggestion = Suggest(name, Names(command));
        return suggestion is null
            ? $"unknown {kind} '{name}'"
            : $"unknown {kind} '{name}' (did you mean '{suggestion}'?)";
    }

    private static IEnumerable<string> Names(Command command)
    {
        foreach (var option in command.Options)
        {
            if (!option.Hidden)
            {
                yield return option.Name;
                foreach (var alias in option.Aliases)
                {
                    yield return alias;
                }
            }
        }

        foreach (var sub in command.Subcommands)
        {
            yield return sub.Name;
        }

        // Options declared on the root for every command (--verbose).
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            foreach (var option in parent.Options.Where(o => o.Recursive && !o.Hidden))
            {
                yield return option.Name;
            }
        }
    }

    /// <summary>The closest name within a small edit distance (or one the token starts), or null.</summary>
    internal static string? Suggest(string token, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            if (name.Length < 3 && token.Length >= 3)
            {
                continue;
            }

            var distance = name.StartsWith(token, StringComparison.OrdinalIgnoreCase) && token.Length >= 4 ? 1 : Distance(token, name);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (name, distance);
            }
        }

        return bestDistance <= Math.Max(2, token.Length / 4) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

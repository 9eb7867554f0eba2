namespace LaborMarket.Cli.Hosting;

/// <summary>The process exit codes, listed in <c>--help</c> and the README.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad input or data: a missing or unreadable file, a malformed row, a value that is not a code.</summary>
    public const int UserError = 1;

    /// <summary>The command line itself is wrong: an unknown option, a missing value, options that conflict.</summary>
    public const int Usage = 2;

    /// <summary>A fault in labormarket itself (EX_SOFTWARE); the detail goes to a file named on stderr.</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C or SIGTERM (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code lines shown at the end of <c>labormarket --help</c>.</summary>
    public const string Help =
        "Exit codes: 0 success; 1 bad input or data (the file, line and field are named); 2 usage error; "
        + "70 internal error (the detail is written to a file named on stderr); 130 interrupted (Ctrl+C, SIGTERM).";
}

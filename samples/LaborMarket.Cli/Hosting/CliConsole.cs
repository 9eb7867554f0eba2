namespace LaborMarket.Cli.Hosting;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>True when stderr is an interactive terminal (progress bars are drawn only then).</summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>True when stdin is the process's own, not redirected: nobody is piping titles in.</summary>
    public bool InIsTerminal => ReferenceEquals(In, Console.In) && !Console.IsInputRedirected;
}

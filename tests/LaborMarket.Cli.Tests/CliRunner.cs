namespace LaborMarket.Cli.Tests;

/// <summary>Runs the <c>labormarket</c> command in-process and captures its streams.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        return await RunWithReaderAsync(input, CancellationToken.None, args);
    }

    public static async Task<(int ExitCode, string Out, string Error)> RunWithReaderAsync(TextReader stdin, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, stdin, output, error, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);
}

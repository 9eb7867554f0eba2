namespace LaborMarket.Cli.Tests;

/// <summary>Runs the <c>labormarket</c> command in-process and captures its streams.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunWithInputAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, input, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunWithInputAsync("", args);
}

namespace LaborMarket.Cli.Hosting;

/// <summary>The command line is wrong (options that conflict, a value out of range): exit code 2, one line.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

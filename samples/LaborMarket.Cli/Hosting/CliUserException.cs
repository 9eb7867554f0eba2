namespace LaborMarket.Cli.Hosting;

/// <summary>A mistake in how the command was called or in what it was given: exit code 1, one line.</summary>
internal sealed class CliUserException(string message) : Exception(message);

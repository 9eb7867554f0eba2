using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Cli.Hosting;

/// <summary>Builds the generic host each command runs in, composing the packages through DI.</summary>
internal static class CliHost
{
    private static readonly AsyncLocal<bool> VerboseFlag = new();

    /// <summary>Set by <c>--verbose</c> for the command running on this flow: logging on, stack traces shown.</summary>
    public static bool Verbose
    {
        get => VerboseFlag.Value;
        set => VerboseFlag.Value = value;
    }

    public static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // stdout carries the command's output; the host logs nothing unless asked (--verbose), and then to stderr.
        builder.Logging.ClearProviders();
        if (Verbose)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
        }

        // The command owns Ctrl+C and SIGTERM (they cancel its work); the default console lifetime would swallow them.
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();
        configure(builder.Services);
        return builder.Build();
    }

    /// <summary>A host lifetime that waits for nothing and hooks no signal.</summary>
    private sealed class CommandLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Cli.Hosting;

/// <summary>Builds the generic host each command runs in, composing the packages through DI.</summary>
internal static class CliHost
{
    public static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // stdout carries the command's output; diagnostics go to stderr, warnings and above only.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure(builder.Services);
        return builder.Build();
    }
}

using LaborMarket.Bls;
using LaborMarket.Bls.PublicData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers LaborMarket.Bls with a service collection.</summary>
public static class BlsServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LaborMarket.Bls.Fallback.WageLookup"/> over the OEWS wage data (set the data folder in configuration).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services)
        => services.AddLaborMarketBls(static _ => { });

    /// <summary>Registers the OEWS wage data, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="WageDataOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services, Action<WageDataOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<WageDataOptions>().Configure(configure).ValidateOnStart();
        return services.AddCore();
    }

    /// <summary>Registers the OEWS wage data, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="WageDataOptions"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddLaborMarketBls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WageDataOptions>().Bind(configuration).ValidateOnStart();
        return services.AddCore();
    }

    /// <summary>Registers <see cref="BlsApiClient"/> (BLS Public Data API v2); the registration key is optional.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The client's builder: add handlers, or replace the primary handler.</returns>
    public static IHttpClientBuilder AddBlsApiClient(this IServiceCollection services)
        => services.AddBlsApiClient(static _ => { });

    /// <summary>Registers <see cref="BlsApiClient"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="BlsApiClientOptions"/>.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddBlsApiClient(this IServiceCollection services, Action<BlsApiClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<BlsApiClientOptions>().Configure(configure).ValidateOnStart();
        return services.AddApiClientCore();
    }

    /// <summary>Registers <see cref="BlsApiClient"/>, bound to a configuration section.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A section shaped like <see cref="BlsApiClientOptions"/>.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddBlsApiClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BlsApiClientOptions>().Bind(configuration).ValidateOnStart();
        return services.AddApiClientCore();
    }

    private static IHttpClientBuilder AddApiClientCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlsApiClientOptions>, BlsApiClientOptionsValidator>());

        // The typed clients come and go with their handlers; the day's query count is one per container.
        services.TryAddSingleton(static sp => new DailyQueryQuota(Options(sp), sp.GetService<TimeProvider>()));
        var builder = services.AddHttpClient(nameof(BlsApiClient));
        if (services.Any(d => d.ServiceType == typeof(BlsApiClient)))
        {
            return builder; // registered before: a second call adds no handler
        }

        return builder
            .AddTypedClient(static (http, sp) => new BlsApiClient(http, Options(sp), sp.GetService<TimeProvider>(), sp.GetRequiredService<DailyQueryQuota>()))
            .ConfigureHttpClient(static (sp, http) => http.BaseAddress = Options(sp).BaseAddress)
            .AddLaborMarketResilience(
                static sp => Options(sp).Resilience,
                static sp => BlsApiClient.Endpoint(Options(sp), sp.GetService<TimeProvider>()));
    }

    private static BlsApiClientOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<BlsApiClientOptions>>().Value;

    private sealed class BlsApiClientOptionsValidator : IValidateOptions<BlsApiClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, BlsApiClientOptions options)
        {
            var problems = new[]
            {
                options.BaseAddress is { IsAbsoluteUri: true } ? null : "BlsApiClientOptions.BaseAddress must be an absolute address.",
                options.DailyQueryLimit is < 0 ? "BlsApiClientOptions.DailyQueryLimit must not be negative." : null,
                options.Resilience is null ? "BlsApiClientOptions.Resilience is required." : null,
            }.OfType<string>().Concat(options.Resilience?.Validate().Select(p => "BlsApiClientOptions." + p) ?? []).ToArray();
            return problems.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }

    private static IServiceCollection AddCore(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WageDataOptions>, WageDataOptionsValidator>());

        // Loaded once, on first use; immutable and thread-safe afterwards.
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<WageDataOptions>>().Value;
            if (o.DataDirectory is null && o.Files.Count == 0 && o.IndexFile is null)
            {
                throw new InvalidOperationException("WageDataOptions has no data: set DataDirectory, Files or IndexFile.");
            }

            var files = (o.DataDirectory is null ? [] : LaborMarket.Bls.Fallback.WageData.FilesUnder(o.DataDirectory)).Concat(o.Files);
            return LaborMarket.Bls.Fallback.WageData.Load(files, o.IndexFile is null ? null : LaborMarket.Bls.Oews.WageIndex.Load(o.IndexFile), null,
                o.DataDirectory is null ? null : $"folder '{o.DataDirectory}'");
        });
        return services;
    }
}

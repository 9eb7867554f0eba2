using System.CommandLine;
using System.Globalization;
using LaborMarket.Bls.Fallback;
using LaborMarket.Cli.Hosting;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Registry;
using LaborMarket.Normalization.Titles;
using LaborMarket.Onet;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Profiles;

/// <summary><c>labormarket profile</c>: a raw title in a place, as one page: role, O*NET content and OEWS wages.</summary>
internal static class ProfileCommand
{
    public static Command Create(CliConsole console)
    {
        var title = new Argument<string>("title") { Description = "A raw job title, such as \"Sr. Software Engineer\"." };
        var place = new Option<string>("--place") { Description = "A place, such as \"Pinellas County, FL\".", Required = true };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Folder of OEWS files and crosswalks (default: env LABORMARKET_DATA)." };
        var onetDb = new Option<DirectoryInfo?>("--onet-db") { Description = "O*NET release folder (default: env LABORMARKET_ONET_DB, else found under --data)." };
        var online = new Option<bool>("--online") { Description = "O*NET content from O*NET Web Services (key in env ONET_API_KEY) instead of the database files." };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "With --online: keep responses in a SQLite file in this folder (default: the user's cache folder, ~/.cache/labormarket)." };
        var model = new Option<string?>("--model") { Description = "A salary model in the registry (as `pipeline --registry` saves it, such as \"salary\"): adds an estimate with an interval." };
        var registry = new Option<DirectoryInfo?>("--registry") { Description = "The model registry (default: env LABORMARKET_REGISTRY)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("profile", "Normalize a title, then show its O*NET content, what OEWS says it pays in a place and, with a model, a salary estimate.")
        {
            title, place, data, onetDb, online, cache, model, registry, format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDir = parse.GetValue(data)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_DATA");
            if (string.IsNullOrWhiteSpace(dataDir))
            {
                throw new CliUserException("no wage data: pass --data DIR or set LABORMARKET_DATA.");
            }

            if (!Directory.Exists(dataDir))
            {
                throw new CliUserException($"wage data folder '{dataDir}' does not exist.");
            }

            var isOnline = parse.GetValue(online);
            var key = isOnline ? OnlineOnet.Key() : null;
            var url = isOnline ? OnlineOnet.Address(null) : null;

            var onetDir = isOnline ? null : parse.GetValue(onetDb)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_ONET_DB") ?? FindRelease(dataDir);
            var modelName = parse.GetValue(model);
            var registryDir = parse.GetValue(registry)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_REGISTRY");
            if (modelName is not null && string.IsNullOrWhiteSpace(registryDir))
            {
                throw new CliUserException("--model needs a registry: pass --registry DIR or set LABORMARKET_REGISTRY.");
            }

            using var host = CliHost.Build(services =>
            {
                services.AddLaborMarketNormalization();
                services.AddLaborMarketBls(o => o.DataDirectory = dataDir);
                if (onetDir is not null)
                {
                    services.AddOnetDatabase(o => o.DatabasePath = onetDir);
                }

                if (isOnline)
                {
                    services.AddOnetClient(o =>
                    {
                        o.ApiKey = key;
                        o.BaseAddress = url ?? o.BaseAddress;
                    });
                    services.AddLaborMarketSqliteCache(ResponseCacheFolder.DatabasePath(parse.GetValue(cache)));
                }

                if (modelName is not null)
                {
                    services.AddLaborMarketInference(o => o.RegistryPath = registryDir);
                }
            });
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            var normalizer = host.Services.GetRequiredService<TitleNormalizer>();
            var match = normalizer.Normalize(parse.GetValue(title));
            if (match.SocCode is not { } soc)
            {
                throw new CliUserException($"'{match.Input}' matched no occupation: {normalizer.Explain(match.Input).UnmatchedReason}.");
            }

            var occupation = isOnline
                ? await host.Services.GetRequiredService<OnetClient>().GetProfileAsync(match.OnetSocCode!.Value, cancellationToken).ConfigureAwait(false)
                : onetDir is null ? null : host.Services.GetRequiredService<OnetDatabase>().Find(match.OnetSocCode!.Value) ?? host.Services.GetRequiredService<OnetDatabase>().Find(soc);
            var wages = host.Services.GetRequiredService<WageLookup>().Explain(soc, WageLocation.ForPlace(parse.GetValue(place)!));
            SalaryEstimate? estimate = null;
            if (modelName is not null)
            {
                var salary = SalaryModel.Load(host.Services.GetRequiredService<ModelRegistry>(), modelName);
                var state = wages.Area?.State ?? (WorksiteLocation.TryParse(parse.GetValue(place), out var where) ? where.State : default);
                estimate = salary.Estimate(new JobRecord(match.Role!.Id, match.Role.Soc, match.Seniority, state, "", salary.MainSource));
            }
            if (parse.GetValue(format) == "json")
            {
                CliJson.WriteLine(console.Out, new ProfileReport(match.Input, match, occupation, wages, estimate));
            }
            else
            {
                WriteTable(console.Out, match, occupation, wages, estimate);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // The release under the data folder that has the title files (a full release, not a partial one).
    private static string? FindRelease(string dataDir) =>
        Directory.EnumerateFiles(dataDir, "Alternate Titles.txt", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .FirstOrDefault(d => d is not null && File.Exists(Path.Combine(d, "Occupation Data.txt")));

    private static void WriteTable(TextWriter w, TitleMatch m, OccupationProfile? o, WageAnswer a, SalaryEstimate? e)
    {
        static string F(WageFigure? f) => Wages.WagesCommand.Figure(f);
        w.WriteLine($"{m.Input}");
        w.WriteLine($"  role        {m.Role!.Name} ({m.Role.Family}), seniority {m.Seniority.ToString().ToLowerInvariant()}, confidence {m.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
        w.WriteLine($"  occupation  {m.OnetSocCode} {o?.Title ?? "(no O*NET database)"}");
        w.WriteLine($"  wages       {a.AreaTitle ?? "-"} ({a.AreaLevel?.ToString().ToLowerInvariant() ?? "-"}, {a.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}): p10 {F(a.AnnualP10)}, median {F(a.AnnualMedian)}, p90 {F(a.AnnualP90)}");
        foreach (var s in a.Steps)
        {
            w.WriteLine("              - " + s);
        }

        if (o is not null)
        {
            w.WriteLine("  tasks");
            foreach (var t in o.Tasks.Take(5))
            {
                w.WriteLine("    - " + t.Statement);
            }
        }

        w.WriteLine(e is null
            ? "  estimate    (no salary model: pass --model NAME)"
            : string.Create(CultureInfo.InvariantCulture, $"  estimate    median {e.Median:N0}, 80% interval {e.P10:N0} - {e.P90:N0}"));
    }
}

using System.CommandLine;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using LaborMarket.Onet;
using LaborMarket.Onet.Database;
using LaborMarket.Onet.WebServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Occupations;

/// <summary><c>labormarket occupation</c>: what O*NET says about an occupation, offline.</summary>
internal static class OccupationCommand
{
    public static Command Create(CliConsole console)
    {
        var code = new Argument<string>("code") { Description = "SOC (15-1252) or O*NET-SOC (15-1252.00) code." };
        var onetDb = new Option<DirectoryInfo?>("--onet-db") { Description = "O*NET database text release folder (default: env LABORMARKET_ONET_DB)." };
        var online = new Option<bool>("--online") { Description = "Ask O*NET Web Services instead (key in env ONET_API_KEY)." };
        var onetUrl = new Option<string?>("--onet-url") { Description = "O*NET Web Services address, such as a proxy (default: env LABORMARKET_ONET_URL, else the public service)." };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "With --online: keep responses in a SQLite file in this folder (default: the user's cache folder, ~/.cache/labormarket)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("occupation", "Tasks, technology, tools, education, job zone and related occupations from the O*NET database files or O*NET Web Services.")
        {
            code, onetDb, online, onetUrl, cache, format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(code)!;
            if (!OnetSocCode.TryParse(text, out var onet))
            {
                throw new CliUserException($"'{text}' is not a SOC or O*NET-SOC code.");
            }

            var isOnetCode = text.Contains('.', StringComparison.Ordinal) && text.Trim().Length > 7;
            // Each source's host, disposed however the command ends.
            var isOnline = parse.GetValue(online);
            var folder = isOnline ? null : parse.GetValue(onetDb)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_ONET_DB");
            if (!isOnline && string.IsNullOrWhiteSpace(folder))
            {
                throw new CliUserException("no O*NET database: pass --onet-db DIR, set LABORMARKET_ONET_DB, or use --online.");
            }

            var key = isOnline ? OnlineOnet.Key() : null;
            var url = isOnline ? OnlineOnet.Address(parse.GetValue(onetUrl)) : null;
            using var host = CliHost.Build(services =>
            {
                if (isOnline)
                {
                    services.AddOnetClient(o =>
                    {
                        o.ApiKey = key;
                        o.BaseAddress = url ?? o.BaseAddress;
                    });
                    services.AddLaborMarketSqliteCache(ResponseCacheFolder.DatabasePath(parse.GetValue(cache)));
                }
                else
                {
                    services.AddOnetDatabase(o => o.DatabasePath = folder);
                }
            });
            await host.StartAsync(cancellationToken).ConfigureAwait(false);

            OccupationProfile? profile;
            if (isOnline)
            {
                var client = host.Services.GetRequiredService<OnetClient>();
                profile = await client.GetProfileAsync(isOnetCode ? onet : new OnetSocCode(onet.Soc, 0), cancellationToken).ConfigureAwait(false)
                    ?? throw new CliUserException($"{text} is not an occupation O*NET Web Services knows.");
            }
            else
            {
                var database = host.Services.GetRequiredService<OnetDatabase>();
                profile = (isOnetCode ? database.Find(onet) : database.Find(onet.Soc))
                    ?? throw new CliUserException($"{text} is not an occupation in the O*NET database at '{folder}'.");
            }

            if (parse.GetValue(format) == "table")
            {
                WriteTable(console.Out, profile);
            }
            else
            {
                CliJson.WriteLine(console.Out, profile);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter w, OccupationProfile p)
    {
        w.WriteLine($"{p.Code}  {p.Title}");
        w.WriteLine(p.Description);
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job zone: {p.JobZone?.ToString(CultureInfo.InvariantCulture) ?? "-"}"));
        if (p.Education.Count > 0)
        {
            var top = p.Education.MaxBy(e => e.Percent)!;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"education (most common): {top.Level} ({top.Percent:0}%)"));
        }

        w.WriteLine("tasks:");
        foreach (var t in p.Tasks.Take(10))
        {
            w.WriteLine("  - " + t.Statement);
        }

        w.WriteLine("hot technologies: " + string.Join(", ", p.TechnologySkills.Where(t => t.IsHotTechnology).Select(t => t.Example).Take(12)));
        w.WriteLine("tools: " + string.Join(", ", p.Tools.Select(t => t.Example).Take(12)));
        w.WriteLine("related: " + string.Join(", ", p.Related.Take(6).Select(r => $"{r.Code} {r.Title}")));
    }
}

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
        var code = new Argument<string>("code") { Description = "SOC (15-1252) or O*NET-SOC (15-1252.00) code; a SOC 2010 code is read as its SOC 2018 code, as in wages." };
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

            // A code O*NET does not know that SOC 2018 changed is read as its SOC 2018 code, as `wages` reads it.
            OccupationProfile? profile;
            string? mapped = null;
            if (isOnline)
            {
                var client = host.Services.GetRequiredService<OnetClient>();
                profile = await client.GetProfileAsync(isOnetCode ? onet : new OnetSocCode(onet.Soc, 0), cancellationToken).ConfigureAwait(false);
                if (profile is null && SocCrosswalk.Changed(onet.Soc))
                {
                    mapped = Soc2010Note(onet.Soc);
                    profile = await client.GetProfileAsync(new OnetSocCode(SocCrosswalk.From2010(onet.Soc), 0), cancellationToken).ConfigureAwait(false);
                }

                if (profile is null)
                {
                    throw new CliUserException($"{text} is not an occupation O*NET Web Services knows.");
                }
            }
            else
            {
                var database = host.Services.GetRequiredService<OnetDatabase>();
                profile = isOnetCode ? database.Find(onet) : database.Find(onet.Soc);
                if (profile is null && SocCrosswalk.Changed(onet.Soc))
                {
                    mapped = Soc2010Note(onet.Soc);
                    profile = database.Find(SocCrosswalk.From2010(onet.Soc));
                }

                if (profile is null)
                {
                    throw new CliUserException($"{text} is not an occupation in the O*NET database at '{folder}'.");
                }
            }

            if (parse.GetValue(format) == "table")
            {
                if (mapped is not null)
                {
                    console.Out.WriteLine(mapped);
                }

                WriteTable(console.Out, profile);
            }
            else
            {
                // The JSON stays the profile's shape; the mapping is said beside it.
                if (mapped is not null)
                {
                    console.Error.WriteLine(mapped);
                }

                CliJson.WriteLine(console.Out, profile);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How a SOC 2010 code was read: its SOC 2018 code, and the others where SOC 2018 split it.</summary>
    internal static string Soc2010Note(SocCode soc2010)
    {
        var all = SocCrosswalk.From2010All(soc2010);
        var others = all.Count > 1 ? $" (SOC 2018 split it: also {string.Join(", ", all.Skip(1))})" : "";
        return $"note: {soc2010} is an older SOC code (SOC 2010 or before); showing SOC 2018 {all[0]}{others}.";
    }

    /// <summary>The first <paramref name="shown"/> items joined, then "+N more" where the list was cut.</summary>
    internal static string Cut(IEnumerable<string> items, int shown)
    {
        var list = items.ToList();
        var text = string.Join(", ", list.Take(shown));
        return list.Count > shown ? string.Create(CultureInfo.InvariantCulture, $"{text}, +{list.Count - shown} more") : text;
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

        const int Tasks = 10;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tasks ({p.Tasks.Count}):"));
        foreach (var t in p.Tasks.Take(Tasks))
        {
            w.WriteLine("  - " + t.Statement);
        }

        if (p.Tasks.Count > Tasks)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  +{p.Tasks.Count - Tasks} more"));
        }

        w.WriteLine("hot technologies: " + Cut(p.TechnologySkills.Where(t => t.IsHotTechnology).Select(t => t.Example), 12));
        w.WriteLine("tools: " + Cut(p.Tools.Select(t => t.Example), 12));
        w.WriteLine("related: " + Cut(p.Related.Select(r => $"{r.Code} {r.Title}"), 6));
    }
}

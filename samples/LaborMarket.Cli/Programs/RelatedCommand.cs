using System.CommandLine;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using LaborMarket.Onet;
using LaborMarket.Onet.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Programs;

/// <summary><c>labormarket related CODE</c>: the occupations O*NET relates to one, most related first.</summary>
internal static class RelatedCommand
{
    public static Command Create(CliConsole console)
    {
        var code = new Argument<string>("code") { Description = "SOC (29-1141) or O*NET-SOC (29-1141.01) code; a SOC 2010 code is mapped to SOC 2018 first." };
        var top = ProgramsCliOptions.Top(20);
        var shared = new ProgramsCliOptions();
        var command = new Command("related", "O*NET's Related Occupations for an occupation, with their relatedness tier and index.")
        {
            code, top,
        };
        shared.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = ProgramsCliOptions.CheckTop(parse, top);
            var text = parse.GetValue(code)!;
            if (!OnetSocCode.TryParse(text, out var onet))
            {
                throw new CliUserException($"'{text}' is not a SOC or O*NET-SOC code.");
            }

            var onetDb = parse.GetValue(shared.OnetDb)?.FullName ?? ProgramsDataFolder.OnetDatabase(ProgramsDataFolder.Resolve(parse.GetValue(shared.Data)));
            using var host = CliHost.Build(services => services.AddOnetDatabase(o => o.DatabasePath = onetDb));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var database = host.Services.GetRequiredService<OnetDatabase>();
            var isOnetCode = text.Trim().Length > 7;
            var profile = (isOnetCode ? database.Find(onet) : database.Find(onet.Soc) ?? database.Find(SocCrosswalk.From2010(onet.Soc)))
                ?? throw new CliUserException($"{text} is not an occupation in the O*NET database at '{onetDb}'.");
            IReadOnlyList<RelatedOccupation> related = profile.Related.Take(k).ToArray();
            await shared.WriteAsync(parse, console, (w, format) => Write(w, format, profile, related)).ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter w, string format, OccupationProfile profile, IReadOnlyList<RelatedOccupation> related)
    {
        switch (format)
        {
            case "json":
                CliJson.WriteLine(w, related);
                break;
            case "csv":
                CsvText.WriteRow(w, ["code", "related_code", "title", "tier", "index"]);
                foreach (var r in related)
                {
                    CsvText.WriteRow(w, [profile.Code.ToString(), r.Code.ToString(), r.Title, r.Tier, r.Index?.ToString(CultureInfo.InvariantCulture) ?? ""]);
                }

                break;
            default:
                w.WriteLine($"{profile.Code} {profile.Title}");
                w.WriteLine($"{"index",5}  {"tier",-14} {"code",-10}  title");
                foreach (var r in related)
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Index,5}  {r.Tier,-14} {r.Code,-10}  {r.Title}"));
                }

                if (related.Count == 0)
                {
                    w.WriteLine("(O*NET lists no related occupations for this one)");
                }

                break;
        }
    }
}

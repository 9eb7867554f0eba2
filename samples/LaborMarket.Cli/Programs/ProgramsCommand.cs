using System.CommandLine;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using LaborMarket.Onet.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Programs;

/// <summary><c>labormarket programs --soc CODE</c>: the education programs (CIP) that lead to an occupation, best first.</summary>
internal static class ProgramsCommand
{
    public static Command Create(CliConsole console)
    {
        var soc = new Option<string>("--soc") { Description = "SOC 2018 code (29-1141); a SOC 2010 code is mapped to SOC 2018 first.", Required = true };
        var top = ProgramsCliOptions.Top(10);
        var shared = new ProgramsCliOptions();
        var command = new Command("programs", "Programs (CIP 2020) that lead to an occupation: those NCES's CIP-SOC crosswalk links first, then those with the most O*NET skills in common.")
        {
            soc, top,
        };
        shared.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = ProgramsCliOptions.CheckTop(parse, top);
            var text = parse.GetValue(soc)!;
            if (!SocCode.TryParse(text, out var code) || code.Level != SocLevel.Detailed)
            {
                throw new CliUserException($"'{text}' is not a detailed SOC code (such as 29-1141).");
            }

            var folder = ProgramsDataFolder.Resolve(parse.GetValue(shared.Data));
            var onetDb = parse.GetValue(shared.OnetDb)?.FullName;
            using var host = CliHost.Build(services => services.AddLaborMarketPrograms(o => ProgramsDataFolder.Configure(o, folder, onetDb)));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var result = host.Services.GetRequiredService<ProgramRanking>().ProgramsFor(code, k);
            await shared.WriteAsync(parse, console, (w, format) => Write(w, format, result)).ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter w, string format, ProgramsForOccupation r)
    {
        switch (format)
        {
            case "json":
                CliJson.WriteLine(w, r);
                break;
            case "csv":
                CsvText.WriteRow(w, ["soc", "soc_2018", "cip", "title", "in_crosswalk", "skills_in_common", "similarity", "profile_source"]);
                var soc2018 = string.Join(' ', r.Occupations.Select(o => o.Soc.ToString()));
                foreach (var p in r.Programs)
                {
                    CsvText.WriteRow(w, [r.Requested.ToString(), soc2018, p.Program.Code.ToString(), p.Program.Title, p.InCrosswalk ? "true" : "false",
                        p.Overlap.Count.ToString(CultureInfo.InvariantCulture), p.Overlap.Similarity.ToString("0.000", CultureInfo.InvariantCulture), ProgramsText.Source(r.Source)]);
                }

                break;
            default:
                w.WriteLine(ProgramsText.Occupations(r.Requested, r.Occupations));
                w.WriteLine($"skill profile: {ProgramsText.Source(r.Source)}");
                w.WriteLine($"{"CIP",-8} {"link",-9} {"skills",6} {"similar",7}  title");
                foreach (var p in r.Programs)
                {
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{p.Program.Code,-8} {(p.InCrosswalk ? "crosswalk" : "skills"),-9} {p.Overlap.Count,6} {p.Overlap.Similarity,7:0.000}  {p.Program.Title}"));
                }

                if (r.Programs.Count == 0)
                {
                    w.WriteLine("(no program: the crosswalk links none and none shares enough skills)");
                }

                break;
        }
    }
}

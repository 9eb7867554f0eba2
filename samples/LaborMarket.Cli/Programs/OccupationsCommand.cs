using System.CommandLine;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using LaborMarket.Onet.Programs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Programs;

/// <summary><c>labormarket occupations --cip CODE</c>: the occupations an education program prepares for, best first.</summary>
internal static class OccupationsCommand
{
    public static Command Create(CliConsole console)
    {
        var cip = new Option<string>("--cip") { Description = "CIP 2020 code: a program (51.3801), a series (51.38) or a family (51).", Required = true };
        var top = ProgramsCliOptions.Top(10);
        var shared = new ProgramsCliOptions();
        var command = new Command("occupations", "Occupations (SOC 2018, with their O*NET occupations) a program prepares for: those NCES's CIP-SOC crosswalk links first, then those with the most O*NET skills in common.")
        {
            cip, top,
        };
        shared.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = ProgramsCliOptions.CheckTop(parse, top);
            var text = parse.GetValue(cip)!;
            if (!CipCode.TryParse(text, out var code))
            {
                throw new CliUserException($"'{text}' is not a CIP code (such as 51.3801, 51.38 or 51).");
            }

            var folder = ProgramsDataFolder.Resolve(parse.GetValue(shared.Data));
            var onetDb = parse.GetValue(shared.OnetDb)?.FullName;
            using var host = CliHost.Build(services => services.AddLaborMarketPrograms(o => ProgramsDataFolder.Configure(o, folder, onetDb)));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var result = host.Services.GetRequiredService<ProgramRanking>().OccupationsFor(code, k);
            await shared.WriteAsync(parse, console, (w, format) => Write(w, format, result)).ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(TextWriter w, string format, OccupationsForProgram r)
    {
        switch (format)
        {
            case "json":
                CliJson.WriteLine(w, r);
                break;
            case "csv":
                CsvText.WriteRow(w, ["cip", "soc", "title", "onet_codes", "in_crosswalk", "skills_in_common", "similarity", "profile_source"]);
                foreach (var o in r.Occupations)
                {
                    CsvText.WriteRow(w, [r.Requested.ToString(), o.Occupation.Soc.ToString(), o.Occupation.Title,
                        string.Join(' ', o.Occupation.OnetOccupations.Select(x => x.Code.ToString())), o.InCrosswalk ? "true" : "false",
                        o.Overlap.Count.ToString(CultureInfo.InvariantCulture), o.Overlap.Similarity.ToString("0.000", CultureInfo.InvariantCulture), ProgramsText.Source(o.Source)]);
                }

                break;
            default:
                w.WriteLine(r.Program is { } p ? $"{p.Code} {p.Title}" : $"{r.Requested} (not in the CIP code list)");
                w.WriteLine($"{"SOC",-8} {"link",-9} {"skills",6} {"similar",7}  title [O*NET occupations] (profile)");
                foreach (var o in r.Occupations)
                {
                    var onet = o.Occupation.OnetOccupations.Count > 1 ? $" [{string.Join(", ", o.Occupation.OnetOccupations.Select(x => x.Code))}]" : "";
                    var source = o.Source == Onet.Skills.SkillProfileSource.Ratings ? "" : $" ({ProgramsText.Source(o.Source)})";
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{o.Occupation.Soc,-8} {(o.InCrosswalk ? "crosswalk" : "skills"),-9} {o.Overlap.Count,6} {o.Overlap.Similarity,7:0.000}  {o.Occupation.Title}{onet}{source}"));
                }

                if (r.Occupations.Count == 0)
                {
                    w.WriteLine("(no occupation: the crosswalk links none and none shares enough skills)");
                }

                break;
        }
    }
}

using System.CommandLine;
using System.Globalization;
using LaborMarket.Bls.Fallback;
using LaborMarket.Cli.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LaborMarket.Cli.Wages;

/// <summary><c>labormarket wages</c>: OEWS wages for an occupation in a place, with the fallback steps.</summary>
internal static class WagesCommand
{
    public static Command Create(CliConsole console)
    {
        var soc = new Option<string>("--soc") { Description = "SOC code (2018, or 2010 which is mapped), such as 29-1141.", Required = true };
        var county = new Option<string?>("--county") { Description = "County FIPS code (all 5 digits, such as 12103) or name with its state (\"Pinellas County, FL\")." };
        var area = new Option<string?>("--area") { Description = "OEWS area code: metro (45300), nonmetro (1200006), state (12) or 99." };
        var state = new Option<string?>("--state") { Description = "State code or name, such as FL." };
        var place = new Option<string?>("--place") { Description = "A place, such as \"Pinellas County, FL\", \"Tampa, FL\", \"California\" or \"CA\"." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Folder searched recursively for OEWS files and geography crosswalks (default: env LABORMARKET_DATA)." };
        var year = new Option<int?>("--year") { Description = "Survey year (default: the latest available for each area)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");

        var command = new Command("wages", "OEWS wages for an occupation in a county, place, area, state or the nation, falling back and saying how.")
        {
            soc, county, area, state, place, data, year, format,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!SocCode.TryParse(parse.GetValue(soc), out var code))
            {
                throw new CliUserException($"--soc '{parse.GetValue(soc)}' is not a SOC code (expected XX-XXXX).");
            }

            var location = Location(parse.GetValue(county), parse.GetValue(area), parse.GetValue(state), parse.GetValue(place));
            var folder = parse.GetValue(data)?.FullName ?? Environment.GetEnvironmentVariable("LABORMARKET_DATA");
            if (string.IsNullOrWhiteSpace(folder))
            {
                throw new CliUserException("no wage data: pass --data DIR or set LABORMARKET_DATA to a folder of OEWS files.");
            }

            using var host = CliHost.Build(services => services.AddLaborMarketBls(o => o.DataDirectory = folder));
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var lookup = host.Services.GetRequiredService<WageLookup>();
            location ??= CountyByName(lookup, parse.GetValue(county)!);
            var answer = lookup.Explain(code, location, parse.GetValue(year));
            switch (answer.Outcome)
            {
                // Questions the data cannot answer are the user's to fix (exit 1); "not published" is an answer (exit 0).
                case WageOutcome.YearNotInData:
                    throw new CliUserException(string.Create(CultureInfo.InvariantCulture,
                        $"--year {parse.GetValue(year)} is not in the OEWS data under '{folder}': it holds {string.Join(", ", lookup.Index.Years)}."));
                case WageOutcome.NotAnOccupation:
                    throw new CliUserException($"--soc {parse.GetValue(soc)}: {(answer.Steps.Count > 0 ? answer.Steps[0] : "not a SOC 2018 occupation")}.");
            }

            if (parse.GetValue(format) == "table")
            {
                WriteTable(console.Out, answer);
            }
            else
            {
                CliJson.WriteLine(console.Out, answer);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // A county given by name is resolved once the crosswalks are loaded (Location returns null for it).
    private static WageLocation CountyByName(WageLookup lookup, string name) =>
        lookup.Crosswalk.FindCounty(name) switch
        {
            { Fips: { } fips } => WageLocation.ForCounty(fips),
            { } c => WageLocation.ForPlace($"{c.Name}, {c.State.Code}"),
            null => throw new CliUserException($"--county '{name}' is not a county the crosswalks under the data folder name: give its 5-digit FIPS code or its name and state, such as \"Pinellas County, FL\"."),
        };

    private static WageLocation? Location(string? county, string? area, string? state, string? place)
    {
        var given = new[] { county, area, state, place }.Count(v => v is not null);
        if (given > 1)
        {
            throw new CliUsageException("give one of --county, --area, --state or --place");
        }

        if (county is not null)
        {
            // A short code is not padded: '1210' is not Alabama's 01210 but a mistyped 12103 or 12105.
            if (county.Length != 5 && county.All(char.IsAsciiDigit))
            {
                throw new CliUserException($"--county '{county}' is not a county FIPS code: give all 5 digits (2 for the state, 3 for the county), such as 12103.");
            }

            if (CountyFips.TryParse(county, out var c))
            {
                return WageLocation.ForCounty(c);
            }

            return county.Any(char.IsAsciiLetter) && county.Contains(',', StringComparison.Ordinal)
                ? null
                : throw new CliUserException($"--county '{county}' is not a county FIPS code (5 digits) or a county name with its state, such as \"Pinellas County, FL\".");
        }

        if (area is not null)
        {
            return OewsAreaCode.TryParse(area, out var a) ? WageLocation.ForArea(a) : throw new CliUserException($"--area '{area}' is not an OEWS area code.");
        }

        if (state is not null)
        {
            return UsState.TryParse(state, out var s) ? WageLocation.ForState(s) : throw new CliUserException($"--state '{state}' is not a US state.");
        }

        return place is not null ? WageLocation.ForPlace(place) : WageLocation.Nation;
    }

    /// <summary>A figure for a table: the number with thousands separators, "&gt;= " before a top-coded one, "-" for none.</summary>
    internal static string Figure(WageFigure? f, string format = "N0") =>
        f is { Value: { Value: { } v } value } ? (value.IsLowerBound ? ">= " : "") + v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static void WriteTable(TextWriter w, WageAnswer a)
    {
        w.WriteLine($"occupation   {a.Soc?.ToString() ?? a.RequestedSoc.ToString()} ({a.SocLevel?.ToString().ToLowerInvariant() ?? "not found"})");
        w.WriteLine($"area         {a.Area?.ToString() ?? "-"} {a.AreaTitle} ({a.AreaLevel?.ToString().ToLowerInvariant() ?? "-"}), {a.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        w.WriteLine($"annual       p10 {Figure(a.AnnualP10)}   median {Figure(a.AnnualMedian)}   p90 {Figure(a.AnnualP90)}   mean {Figure(a.AnnualMean)}");
        w.WriteLine($"hourly       median {Figure(a.HourlyMedian, "N2")}");
        w.WriteLine($"employment   {Figure(a.Employment)}");
        w.WriteLine("steps:");
        foreach (var step in a.Steps)
        {
            w.WriteLine("  - " + step);
        }
    }
}

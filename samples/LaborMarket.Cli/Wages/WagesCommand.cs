using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;
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
        var county = new Option<string?>("--county") { Description = "County FIPS code, such as 12103." };
        var area = new Option<string?>("--area") { Description = "OEWS area code: metro (45300), nonmetro (1200006), state (12) or 99." };
        var state = new Option<string?>("--state") { Description = "State code or name, such as FL." };
        var place = new Option<string?>("--place") { Description = "A place, such as \"Pinellas County, FL\" or \"Tampa, FL\"." };
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
            var answer = lookup.Find(code, location, parse.GetValue(year));
            if (parse.GetValue(format) == "table")
            {
                WriteTable(console.Out, answer);
            }
            else
            {
                WriteJson(console.Out, answer);
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static WageLocation Location(string? county, string? area, string? state, string? place)
    {
        var given = new[] { county, area, state, place }.Count(v => v is not null);
        if (given > 1)
        {
            throw new CliUserException("give one of --county, --area, --state or --place.");
        }

        if (county is not null)
        {
            return CountyFips.TryParse(county, out var c) ? WageLocation.ForCounty(c) : throw new CliUserException($"--county '{county}' is not a county FIPS code.");
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

    private static void WriteJson(TextWriter writer, WageAnswer a)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteJson(json, a);
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Writes an answer as one JSON object (also the <c>wages</c> object of <c>labormarket profile</c>).</summary>
    internal static void WriteJson(Utf8JsonWriter json, WageAnswer a)
    {
        json.WriteStartObject();
        json.WriteBoolean("found", a.Found);
        json.WriteString("requested_soc_code", a.RequestedSoc.ToString());
        json.WriteString("soc_code", a.Soc?.ToString());
        json.WriteString("soc_level", a.SocLevel?.ToString().ToLowerInvariant());
        json.WriteString("area_code", a.Area?.ToString());
        json.WriteString("area_name", a.AreaTitle);
        json.WriteString("area_level", a.AreaLevel?.ToString().ToLowerInvariant());
        if (a.Year is { } y)
        {
            json.WriteNumber("year", y);
        }
        else
        {
            json.WriteNull("year");
        }

        Number(json, "annual_median", a.AnnualMedian);
        Number(json, "annual_p10", a.AnnualP10);
        Number(json, "annual_p90", a.AnnualP90);
        Number(json, "annual_mean", a.AnnualMean);
        Number(json, "hourly_median", a.HourlyMedian);
        Number(json, "employment", a.Employment);
        json.WriteStartArray("lower_bounds");
        foreach (var (name, fig) in Figures(a))
        {
            if (fig?.Value.IsLowerBound == true)
            {
                json.WriteStringValue(name);
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("sources");
        foreach (var (name, figure) in Figures(a))
        {
            if (figure is not { } fig)
            {
                continue;
            }

            json.WriteStartObject(name);
            json.WriteString("area_code", fig.Area.ToString());
            json.WriteString("soc_code", fig.Soc.ToString());
            json.WriteNumber("year", fig.Year);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("steps");
        foreach (var step in a.Steps)
        {
            json.WriteStringValue(step);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static IEnumerable<(string, WageFigure?)> Figures(WageAnswer a) =>
    [
        ("annual_median", a.AnnualMedian), ("annual_p10", a.AnnualP10), ("annual_p90", a.AnnualP90),
        ("annual_mean", a.AnnualMean), ("hourly_median", a.HourlyMedian), ("employment", a.Employment),
    ];

    private static void Number(Utf8JsonWriter json, string name, WageFigure? figure)
    {
        if (figure?.Value.Value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>A figure for a table: the number with thousands separators, "&gt;= " before a top-coded one, "-" for none.</summary>
    internal static string Figure(WageFigure? f) =>
        f is { Value: { Value: { } v } value } ? (value.IsLowerBound ? ">= " : "") + v.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static void WriteTable(TextWriter w, WageAnswer a)
    {
        w.WriteLine($"occupation   {a.Soc?.ToString() ?? a.RequestedSoc.ToString()} ({a.SocLevel?.ToString().ToLowerInvariant() ?? "not found"})");
        w.WriteLine($"area         {a.Area?.ToString() ?? "-"} {a.AreaTitle} ({a.AreaLevel?.ToString().ToLowerInvariant() ?? "-"}), {a.Year?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        w.WriteLine($"annual       p10 {Figure(a.AnnualP10)}   median {Figure(a.AnnualMedian)}   p90 {Figure(a.AnnualP90)}   mean {Figure(a.AnnualMean)}");
        w.WriteLine($"hourly       median {Figure(a.HourlyMedian)}");
        w.WriteLine($"employment   {Figure(a.Employment)}");
        w.WriteLine("steps:");
        foreach (var step in a.Steps)
        {
            w.WriteLine("  - " + step);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using LaborMarket.Cli.Hosting;
using LaborMarket.Embeddings;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Cli.Semantic;

/// <summary><c>labormarket suggest-soc</c>: SOC / O*NET-SOC codes for a role from its title and description.</summary>
internal static class SuggestSocCommand
{
    public static Command Create(CliConsole console)
    {
        var title = new Option<string>("--title", "-t") { Description = "The role's title.", Required = true };
        var description = new Option<string?>("--description", "-d") { Description = "What the role does." };
        var descriptionFile = new Option<FileInfo?>("--description-file") { Description = "A text file with the description." };
        var top = SemanticHost.TopOption("Suggestions to show", 5, max: 50);
        var onetDb = SemanticHost.OnetDbOption(required: true);
        var cache = SemanticHost.CacheOption();
        var command = new Command("suggest-soc", "Suggest SOC / O*NET-SOC codes for a role from its title and description, with the evidence.")
        {
            title, description, descriptionFile, top, onetDb, cache,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = SemanticHost.Top(parse.GetValue(top), max: 50);
            var text = parse.GetValue(description);
            if (parse.GetValue(descriptionFile) is { } file)
            {
                if (text is not null)
                {
                    throw new CliUserException("give --description or --description-file, not both.");
                }

                text = file.Exists ? await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false)
                    : throw new CliUserException($"description file '{file.FullName}' does not exist.");
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(title)))
            {
                throw new CliUserException("--title must not be empty.");
            }

            using var host = await SemanticHost.StartAsync(parse.GetValue(onetDb), parse.GetValue(cache), cancellationToken).ConfigureAwait(false);
            var suggester = await host.Services.GetRequiredService<OnetSemanticServices>()
                .GetSocSuggesterAsync(SemanticHost.Progress(console), cancellationToken).ConfigureAwait(false);
            var suggestions = await suggester.SuggestAsync(parse.GetValue(title)!, text, k, cancellationToken).ConfigureAwait(false);
            var o = console.Out;
            var rank = 0;
            foreach (var s in suggestions)
            {
                rank++;
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{rank}. {s.OnetSoc} {s.Title}  score {s.Score:0.000}")).ConfigureAwait(false);
                foreach (var e in s.Evidence.OrderByDescending(e => e.Similarity).Take(3))
                {
                    var shown = e.Text.Length > 110 ? string.Concat(e.Text.AsSpan(0, 109), "…") : e.Text;
                    await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"     {e.Kind,-11} {e.Similarity:0.00}  {shown}")).ConfigureAwait(false);
                }
            }

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

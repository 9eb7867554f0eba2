using System.CommandLine;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Embeddings;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Search;
using Microsoft.Extensions.DependencyInjection;

namespace LaborMarket.Cli.Semantic;

/// <summary><c>labormarket similar TEXT</c>: the titles most like a text, in a user's corpus or in O*NET.</summary>
internal static class SimilarCommand
{
    public static Command Create(CliConsole console)
    {
        var text = new Argument<string>("text") { Description = "A job title (or title and description)." };
        var top = SemanticHost.TopOption("How many to show", 10, max: 100);
        var corpus = new Option<FileInfo?>("--corpus") { Description = "A CSV file of titles to search instead of O*NET (distinct values of --column)." };
        var column = new Option<string?>("--column", "-c") { Description = "The column of --corpus that holds the titles." };
        var onetDb = SemanticHost.OnetDbOption(required: false);
        var cache = SemanticHost.CacheOption();
        var command = new Command("similar", "Titles most similar in meaning to TEXT, from a CSV corpus or from O*NET's titles.")
        {
            text, top, corpus, column, onetDb, cache,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var k = SemanticHost.Top(parse.GetValue(top), max: 100);
            var corpusFile = parse.GetValue(corpus);
            if (corpusFile is null && parse.GetValue(onetDb) is null)
            {
                throw new CliUserException("give --corpus FILE --column C, or --onet-db to search O*NET's titles.");
            }

            using var host = await SemanticHost.StartAsync(parse.GetValue(onetDb), parse.GetValue(cache), cancellationToken).ConfigureAwait(false);
            var embedder = host.Services.GetRequiredService<ITextEmbedder>();
            VectorIndex index;
            if (corpusFile is not null)
            {
                var titles = CorpusFile.ReadColumn(corpusFile, parse.GetValue(column)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var vectors = await embedder.EmbedManyAsync(titles, 64, SemanticHost.Progress(console), "corpus", cancellationToken).ConfigureAwait(false);
                index = new VectorIndex(embedder.ModelId, embedder.Dimensions, [.. titles.Select(t => new VectorEntry(t, null, "corpus"))], vectors);
            }
            else
            {
                var services = host.Services.GetRequiredService<OnetSemanticServices>();
                index = (await services.GetTitleIndexAsync(SemanticHost.Progress(console), cancellationToken).ConfigureAwait(false)).Titles;
            }

            var query = await embedder.EmbedAsync([parse.GetValue(text)!], cancellationToken).ConfigureAwait(false);
            var writer = console.Out;
            CsvText.WriteRow(writer, ["rank", "similarity", "text", "onet_soc_code"]);
            var rank = 0;
            foreach (var hit in index.Search(query[0], k))
            {
                rank++;
                CsvText.WriteRow(writer, [rank.ToString(CultureInfo.InvariantCulture), hit.Score.ToString("0.0000", CultureInfo.InvariantCulture),
                    hit.Entry.Text, hit.Entry.Code?.ToString()]);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await host.StopAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}

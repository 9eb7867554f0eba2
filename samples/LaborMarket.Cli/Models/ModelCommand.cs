using System.CommandLine;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Cli.Models;

/// <summary><c>labormarket model</c>: run LightGBM-format models.</summary>
internal static class ModelCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("model", "Train, evaluate and run gradient-boosted tree models in LightGBM's text format.");
        command.Subcommands.Add(Predict(console));
        command.Subcommands.Add(ModelTrainCommand.Train(console));
        command.Subcommands.Add(ModelTrainCommand.Evaluate(console));
        return command;
    }

    private static Command Predict(CliConsole console)
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "A LightGBM text model (model.txt).", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "CSV rows to predict; the header names the features (extra columns are ignored).", Required = true };
        var raw = new Option<bool>("--raw") { Description = "Raw scores (no objective transform)." };
        var leaf = new Option<bool>("--leaf") { Description = "The leaf index of every tree." };
        var contrib = new Option<bool>("--contrib") { Description = "Per-feature contributions (SHAP), the expected value last." };
        var noHeader = new Option<bool>("--no-header") { Description = "The CSV has no header: columns are the model's features in order." };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write here instead of stdout." };
        var command = new Command("predict", "Predict every row of a CSV file, one tab-separated line per row in LightGBM's output layout.")
        {
            model, input, raw, leaf, contrib, noHeader, output,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (new[] { parse.GetValue(raw), parse.GetValue(leaf), parse.GetValue(contrib) }.Count(b => b) > 1)
            {
                throw new CliUserException("choose at most one of --raw, --leaf, --contrib.");
            }

            var modelFile = parse.GetValue(model)!;
            var inputFile = parse.GetValue(input)!;
            if (!modelFile.Exists)
            {
                throw new CliUserException($"model file '{modelFile.FullName}' does not exist.");
            }

            if (!inputFile.Exists)
            {
                throw new CliUserException($"input file '{inputFile.FullName}' does not exist.");
            }

            var m = LightGbmModel.Load(modelFile.FullName);
            var writer = parse.GetValue(output) is { } file ? new StreamWriter(file.FullName, false, new UTF8Encoding(false)) : console.Out;
            try
            {
                var mode = parse.GetValue(leaf) ? "leaf" : parse.GetValue(contrib) ? "contrib" : parse.GetValue(raw) ? "raw" : "predict";
                await Run(m, inputFile, parse.GetValue(noHeader), mode, writer, console, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                if (!ReferenceEquals(writer, console.Out))
                {
                    await writer.DisposeAsync().ConfigureAwait(false);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Task Run(LightGbmModel model, FileInfo input, bool noHeader, string mode, TextWriter writer, CliConsole console, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(input.FullName);
        var csv = new CsvReader(reader, input.Name);
        int[] map;
        if (noHeader)
        {
            map = Enumerable.Range(0, model.FeatureCount).ToArray();
        }
        else
        {
            var header = csv.ReadRecord() ?? throw new CliUserException($"{input.Name} is empty.");
            try
            {
                map = model.MapColumns(header);
            }
            catch (ArgumentException ex)
            {
                throw new CliUserException($"{input.Name}: {CliApp.UserMessage(ex)}");
            }
        }

        var x = new double[model.FeatureCount];
        var width = mode switch
        {
            "leaf" => model.TreeCount,
            "contrib" => (model.FeatureCount + 1) * model.OutputCount,
            _ => model.OutputCount,
        };
        var values = new double[width];
        var leaves = new int[model.TreeCount];
        var progress = new ProgressLine(console, "predicting");
        var sb = new StringBuilder();
        long rows = 0;
        while (csv.ReadRecord() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var f = 0; f < map.Length; f++)
            {
                x[f] = map[f] < record.Count ? Cell(record[map[f]], input.Name, csv.Line, f < model.FeatureNames.Count ? model.FeatureNames[f] : "") : double.NaN;
            }

            sb.Clear();
            switch (mode)
            {
                case "leaf":
                    model.PredictLeaves(x, leaves);
                    for (var i = 0; i < leaves.Length; i++)
                    {
                        sb.Append(i == 0 ? "" : "\t").Append(leaves[i].ToString(CultureInfo.InvariantCulture));
                    }

                    break;
                case "contrib":
                    model.PredictContributions(x, values);
                    Join(sb, values);
                    break;
                case "raw":
                    model.PredictRaw(x, values);
                    Join(sb, values);
                    break;
                default:
                    model.Predict(x, values);
                    Join(sb, values);
                    break;
            }

            writer.Write(sb.Append('\n'));
            progress.Report(++rows);
        }

        progress.Done(rows);
        return Task.CompletedTask;
    }

    private static void Join(StringBuilder sb, double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sb.Append(i == 0 ? "" : "\t").Append(values[i].ToString("G17", CultureInfo.InvariantCulture));
        }
    }

    // Missing values follow LightGBM: empty, "nan" and "NA" are missing.
    private static double Cell(string text, string file, long line, string feature)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("nan", StringComparison.OrdinalIgnoreCase) || t.Equals("NA", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        return t.ToLowerInvariant() switch
        {
            "inf" or "+inf" or "infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => throw new LaborMarketFormatException(file, line, feature, $"'{t}' is not a number"),
        };
    }
}

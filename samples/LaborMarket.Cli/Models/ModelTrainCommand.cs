using System.CommandLine;
using System.Globalization;
using System.Text;
using LaborMarket.Cli.Hosting;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Cli.Models;

/// <summary><c>labormarket model train</c> and <c>model evaluate</c>: train a LightGBM-format model from a CSV, and measure one.</summary>
internal static class ModelTrainCommand
{
    public static Command Train(CliConsole console)
    {
        var input = new Option<FileInfo>("--input", "-i") { Description = "Training CSV with a header.", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "The label column.", Required = true };
        var objective = new Option<string>("--objective") { Description = "regression, quantile, binary, poisson or multiclass.", DefaultValueFactory = _ => "regression" };
        var parameters = new Option<string[]>("--param", "-p") { Description = "A LightGBM parameter as key=value (repeatable), such as num_leaves=63.", AllowMultipleArgumentsPerToken = false };
        var valid = new Option<FileInfo?>("--valid") { Description = "Validation CSV (same columns) for metrics and early stopping." };
        var outPath = new Option<string>("--output", "-o") { Description = "Where to write model.txt (written only when training succeeds).", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace --output if it exists." };
        var command = new Command("train", "Train gradient-boosted trees on a CSV and save them in LightGBM's text format.")
        {
            input, label, objective, parameters, valid, outPath, force,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var pairs = new List<KeyValuePair<string, string>> { new("objective", parse.GetValue(objective)!) };
            foreach (var kv in parse.GetValue(parameters) ?? [])
            {
                var eq = kv.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliUserException($"--param '{kv}' is not key=value.");
                }

                pairs.Add(new(kv[..eq], kv[(eq + 1)..]));
            }

            // Parameters the trainer does not implement are refused here, before any file is read or written; a
            // multiclass objective without num_class reads the class count from the labels.
            GbdtParameters p;
            try
            {
                p = GbdtParameters.Parse(pairs);
            }
            catch (UnsupportedTrainingParameterException ex)
            {
                throw new CliUserException("--param " + ex.Message);
            }
            catch (ArgumentException ex)
            {
                throw new CliUserException("--param: " + CliApp.UserMessage(ex));
            }

            var outputPath = parse.GetValue(outPath)!;
            OutputFile.Check(outputPath, "--output", [parse.GetValue(input)!.FullName, parse.GetValue(valid)?.FullName], parse.GetValue(force));
            var labelName = parse.GetValue(label)!;
            var train = await TrainingSet.ReadCsvAsync(parse.GetValue(input)!.FullName, labelName, cancellationToken: cancellationToken).ConfigureAwait(false);
            var validation = parse.GetValue(valid) is { } v
                ? await TrainingSet.ReadCsvAsync(v.FullName, labelName, train.FeatureNames, cancellationToken).ConfigureAwait(false)
                : null;

            var progress = new ProgressLine(console, "training iterations", p.NumIterations);
            var result = GbdtTrainer.Train(train, p, validation, new Progress<int>(i => progress.Report(i)), cancellationToken);
            progress.Done(result.Iterations);

            await using (var target = OutputFile.Open(outputPath, console.Out))
            {
                await target.Writer.WriteAsync(result.ModelText.AsMemory(), cancellationToken).ConfigureAwait(false);
                await target.CommitAsync().ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"trained {result.Iterations} iterations ({result.Model.TreeCount} trees) on {train.RowCount} rows x {train.FeatureCount} features -> {Path.GetFullPath(outputPath)}")).ConfigureAwait(false);
            if (validation is not null)
            {
                await WriteMetrics(console.Out, ModelEvaluation.Evaluate(result.Model, validation)).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Evaluate(CliConsole console)
    {
        var model = new Option<FileInfo>("--model", "-m") { Description = "A LightGBM text model (model.txt).", Required = true };
        var input = new Option<FileInfo>("--input", "-i") { Description = "Labelled CSV with a header.", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "The label column.", Required = true };
        var interval = new Option<FileInfo?>("--interval-model")
        {
            Description = "A second quantile model (such as p10 beside a p90 --model): also report the interval's coverage, its nominal coverage, mean width and each bound's pinball loss.",
        };
        var command = new Command("evaluate", "Print a model's metrics on labelled rows (regression: MAE, RMSE, R2, MAPE in percent; quantile: also pinball loss; binary: log loss, AUC, F1; ...).")
        {
            model, input, label, interval,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var loaded = LightGbmModel.Load(parse.GetValue(model)!.FullName);
            var rows = await TrainingSet.ReadCsvAsync(parse.GetValue(input)!.FullName, parse.GetValue(label)!, loaded.FeatureNames, cancellationToken).ConfigureAwait(false);
            var metrics = ModelEvaluation.Evaluate(loaded, rows);
            if (parse.GetValue(interval) is { } other)
            {
                var second = LightGbmModel.Load(other.FullName);
                if (!IsQuantile(loaded) || !IsQuantile(second))
                {
                    throw new CliUserException($"--interval-model needs two quantile models; the objectives are '{loaded.Objective}' and '{second.Objective}'.");
                }

                // The bound with the smaller alpha is the lower one; without alphas, the models are taken as given (--model lower).
                var (lower, upper) = loaded.QuantileAlpha > second.QuantileAlpha ? (second, loaded) : (loaded, second);
                var bounds = ModelEvaluation.EvaluateInterval(lower, upper, rows);
                metrics = metrics.Concat(bounds.Where(m => m.Key != "rows").Select(m => KeyValuePair.Create("interval_" + m.Key, m.Value))).ToDictionary();
            }

            await WriteMetrics(console.Out, metrics).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsQuantile(LightGbmModel model) => model.Objective.StartsWith("quantile", StringComparison.Ordinal);

    private static async Task WriteMetrics(TextWriter writer, IReadOnlyDictionary<string, double> metrics)
    {
        foreach (var (name, value) in metrics)
        {
            // MAPE is computed as a fraction; people read it as a percent.
            var line = name == "mape"
                ? string.Create(CultureInfo.InvariantCulture, $"mape_percent\t{value * 100:G6}")
                : string.Create(CultureInfo.InvariantCulture, $"{name}\t{value:G6}");
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }
    }
}

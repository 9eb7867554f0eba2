// Trains an ML.NET salary regression from raw H-1B job titles: LaborMarket's title normalizer as an ML.NET featurizer,
// ML.NET's LightGbm as the trainer; saves the pipeline, loads it back, predicts; then converts the trained trees to
// LightGBM's text format and scores them with LaborMarket's managed engine inside the same kind of pipeline.
//
//   dotnet run --project samples/LaborMarket.MLNet -c Release -- [path to h1b_lca_fy2016_sample_train.csv] [output folder]
using System.Globalization;
using LaborMarket.Inference.ML.Conversion;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

var csv = args.Length > 0 ? args[0] : FindShared("data/titles/h1b_lca_fy2016_sample_train.csv");
var output = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "labormarket-mlnet");
Directory.CreateDirectory(output);

var ml = new MLContext(seed: 7).RegisterLaborMarketInference();
var all = ml.Data.LoadFromTextFile<H1bRecord>(csv, separatorChar: ',', hasHeader: true, allowQuoting: true);
all = ml.Data.FilterRowsByColumn(all, nameof(H1bRecord.Wage), lowerBound: 10_000, upperBound: 1_000_000); // annual wages only
var split = ml.Data.TrainTestSplit(all, testFraction: 0.2, seed: 7);

// Roles as numbers for the trees: each role's position in the normalizer's catalog (NaN when nothing matched).
var roleCodes = LaborMarket.Normalization.Titles.TitleNormalizer.Default.Roles
    .Select((role, i) => new KeyValuePair<string, float>(role.Id, i)).Append(new("", float.NaN));
var pipeline = ml.Transforms.NormalizeJobTitle(inputColumnName: nameof(H1bRecord.JobTitle))
    .Append(ml.Transforms.Conversion.MapValue("Role", roleCodes, "TitleRoleId"))
    .Append(ml.Transforms.CustomMapping<WorksiteRow, StateRow>((i, o) => o.StateCode = StateCode(i.Worksite), contractName: null))
    .Append(ml.Transforms.Concatenate("Features", "Role", "TitleMajorGroup", "TitleSeniority", "TitleConfidence", "StateCode"))
    .Append(ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
    {
        LabelColumnName = nameof(H1bRecord.Wage), NumberOfLeaves = 15, NumberOfIterations = 200, LearningRate = 0.05,
        MinimumExampleCountPerLeaf = 10, Seed = 7, NumberOfThreads = 1, Silent = true,
    }));

// The worksite step is a lambda (no contract name): it is trained here but not saved, so the saved pipeline
// starts after it. A real service would register it with a [CustomMappingFactoryAttribute] like the title step.
var model = pipeline.Fit(split.TrainSet);
var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(H1bRecord.Wage));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"H-1B salary from raw titles + state, ML.NET LightGbm: test MAE ${metrics.MeanAbsoluteError:N0}, RMSE ${metrics.RootMeanSquaredError:N0}, R2 {metrics.RSquared:F3}"));

// Save the title step and the trees (the part of the pipeline every step of which can be saved), load, predict.
var titles = ml.Transforms.NormalizeJobTitle(inputColumnName: nameof(H1bRecord.JobTitle)).Fit(split.TrainSet);
var path = Path.Combine(output, "title-features.zip");
ml.Model.Save(titles, split.TrainSet.Schema, path);
var loaded = new MLContext(seed: 1).RegisterLaborMarketInference().Model.Load(path, out _);
var engine = ml.Model.CreatePredictionEngine<H1bRecord, TitleFeatures>(loaded);
foreach (var title in new[] { "SR. SOFTWARE ENGINEER", "CHIEF FINANCIAL OFFICER", "MARKETING ANALYST" })
{
    var f = engine.Predict(new H1bRecord { JobTitle = title, Worksite = "NEW YORK, NEW YORK" });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {title,-24} -> role {f.TitleRoleId}, SOC {f.TitleSocCode}, seniority {f.TitleSeniority}, confidence {f.TitleConfidence:F2} (saved and loaded: {path})"));
}

// The ML.NET-trained trees as a LightGBM model for LaborMarket's managed engine.
var trees = model.LastTransformer.Model;
string[] names = ["Role", "TitleMajorGroup", "TitleSeniority", "TitleConfidence", "StateCode"];
var text = MLNetModelConverter.ToModelText(ml, trees, names);
File.WriteAllText(Path.Combine(output, "salary-model.txt"), text);
var lightGbm = LaborMarket.Inference.Trees.LightGbmModel.Parse(new StringReader(text));
var scored = model.Transform(split.TestSet);
var mlnet = scored.GetColumn<float>("Score").ToArray();
var features = scored.GetColumn<VBuffer<float>>("Features").Select(v => v.DenseValues().Select(x => (double)x).ToArray()).ToArray();
var worst = features.Select((x, i) => Math.Abs(lightGbm.Predict(x) - mlnet[i]) / Math.Max(1, Math.Abs(mlnet[i]))).Max();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Converted to LightGBM text ({lightGbm.TreeCount} trees, {Path.Combine(output, "salary-model.txt")}): managed engine vs ML.NET on {mlnet.Length} test rows, largest relative difference {worst:E1}"));

// The worksite's state ("CHICAGO, ILLINOIS" -> ILLINOIS) as a stable number: a code for the trees, not an order.
static float StateCode(string worksite)
{
    var state = worksite[(worksite.LastIndexOf(',') + 1)..].Trim();
    var hash = 2166136261u;
    foreach (var c in state)
    {
        hash = (hash ^ c) * 16777619u;
    }

    return hash % 100_000;
}

static string FindShared(string relative)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "..", "shared", relative);
        if (File.Exists(candidate))
        {
            return Path.GetFullPath(candidate);
        }
    }

    throw new FileNotFoundException($"pass the path of {relative} as the first argument");
}

internal sealed class H1bRecord
{
    [LoadColumn(3)]
    public string JobTitle { get; set; } = "";

    [LoadColumn(7)]
    public float Wage { get; set; }

    [LoadColumn(9)]
    public string Worksite { get; set; } = "";
}

internal sealed class WorksiteRow
{
    [ColumnName(nameof(H1bRecord.Worksite))]
    public string Worksite { get; set; } = "";
}

internal sealed class StateRow
{
    public float StateCode { get; set; }
}

internal sealed class TitleFeatures
{
    public string TitleRoleId { get; set; } = "";

    public string TitleSocCode { get; set; } = "";

    public float TitleSeniority { get; set; }

    public float TitleConfidence { get; set; }
}

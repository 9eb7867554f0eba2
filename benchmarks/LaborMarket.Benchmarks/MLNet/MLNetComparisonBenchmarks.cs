using BenchmarkDotNet.Attributes;
using LaborMarket.Benchmarks.Inference;
using LaborMarket.Inference.ML.Conversion;
using LaborMarket.Inference.ML.Tests.Native;
using LaborMarket.Inference.ML.Training;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace LaborMarket.Benchmarks.MLNet;

/// <summary>
/// Batch prediction with one model three ways, 1 thread each: the managed engine, ML.NET (PredictionEngine and
/// Transform) and native LightGBM. The model is trained by ML.NET's LightGbm on the anchor workload's rows
/// (200 iterations, 31 leaves, 10 features, all numeric as ML.NET reads them) and converted to LightGBM text, so all
/// three score the same trees.
/// </summary>
[MemoryDiagnoser]
public class MLNetPredictionBenchmarks
{
    private const int Rows = 1000;
    private readonly MLContext _ml = new(seed: 1);
    private LightGbmModel _model = null!;
    private string _text = "";
    private double[] _rows = [];
    private double[] _out = [];
    private float[][] _floatRows = [];
    private PredictionEngine<FeatureRow, ScoreRow> _engine = null!;
    private RegressionPredictionTransformer<LightGbmRegressionModelParameters> _mlnet = null!;
    private ITransformer _managedInMlnet = null!;
    private IDataView _data = null!;
    private IntPtr _native;

    [GlobalSetup]
    public void Setup()
    {
        var train = AnchorData.Make(100_000, 20240612);
        var view = TrainingSetDataView.ToDataView(_ml, train);
        var trained = _ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = 200, LearningRate = 0.1, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 20, NumberOfThreads = 1, Silent = true,
        }).Fit(view);
        _mlnet = trained;
        _text = MLNetModelConverter.ToModelText(_ml, trained.Model, train.FeatureNames);
        _model = LightGbmModel.Parse(new StringReader(_text));
        var (test, _) = AnchorData.MakeRows(Rows, 7);
        _floatRows = test.Select(r => r.Select(v => (float)v).ToArray()).ToArray();
        _rows = _floatRows.SelectMany(r => r.Select(v => (double)v)).ToArray();
        _out = new double[Rows];
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, AnchorData.Features.Length);
        _data = _ml.Data.LoadFromEnumerable(_floatRows.Select(r => new FeatureRow { Features = r }), schema);
        _engine = _ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(trained, inputSchemaDefinition: schema);
        _managedInMlnet = _ml.Transforms.ApplyLightGbmModel(_model, outputColumnName: "Managed").Fit(_data);
        _native = NativeLightGbm.Load(_text);
    }

    [GlobalCleanup]
    public void Cleanup() => NativeLightGbm.Free(_native);

    /// <summary>The managed engine's batch prediction.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public double Managed()
    {
        _model.PredictBatch(_rows, _out);
        return _out[0];
    }

    /// <summary>ML.NET's PredictionEngine, row by row.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public float MLNetPredictionEngine()
    {
        var sum = 0f;
        foreach (var row in _floatRows)
        {
            sum += _engine.Predict(new FeatureRow { Features = row }).Score;
        }

        return sum;
    }

    /// <summary>ML.NET's Transform over a data view of the rows, scores read back.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public float MLNetTransform() => _mlnet.Transform(_data).GetColumn<float>("Score").Sum();

    /// <summary>The managed engine inside ML.NET (ApplyLightGbmModel), Transform over the same data view.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public double ManagedInMLNetTransform() => _managedInMlnet.Transform(_data).GetColumn<double>("Managed").Sum();

    /// <summary>Native LightGBM, LGBM_BoosterPredictForMat on all rows, 1 thread.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public double Native()
    {
        NativeLightGbm.Predict(_native, _rows, AnchorData.Features.Length, _out);
        return _out[0];
    }

    public sealed class FeatureRow
    {
        public float[] Features { get; set; } = [];
    }

    public sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}

/// <summary>
/// Training 1,000,000 rows x 10 features (the anchor's, all numeric), 200 iterations, lr 0.1, 31 leaves, 2 threads:
/// the managed trainer, ML.NET's LightGbm and native LightGBM. Each run includes its own binning/dataset building;
/// ML.NET's also reads the data view. A few runs only (each takes seconds):
/// <c>--filter '*MLNetTrainingBenchmarks*' --inProcess --strategy Monitoring --warmupCount 0 --iterationCount 3</c>.
/// </summary>
[MemoryDiagnoser]
public class MLNetTrainingBenchmarks
{
    private TrainingSet _train = null!;
    private IDataView _view = null!;
    private double[] _rows = [];
    private float[] _labels = [];
    private readonly MLContext _ml = new(seed: 1);

    [GlobalSetup]
    public void Setup()
    {
        var (rows, labels) = AnchorData.MakeRows(1_000_000, 20240612);
        _train = TrainingSet.FromRows(AnchorData.Features, rows, labels);
        // Every engine trains on the same float-rounded values.
        _rows = rows.SelectMany(r => r.Select(v => (double)(float)v)).ToArray();
        _labels = labels.Select(v => (float)v).ToArray();
        _view = _ml.Data.Cache(TrainingSetDataView.ToDataView(_ml, _train));
    }

    [Benchmark(Baseline = true)]
    public int Managed() => GbdtTrainer.Train(_train, AnchorData.Parameters() with { CategoricalFeatures = [] }).Model.TreeCount;

    [Benchmark]
    public int MLNetLightGbm() => _ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
    {
        NumberOfIterations = 200, LearningRate = 0.1, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 20, NumberOfThreads = 2, Silent = true,
    }).Fit(_view).Model.TrainedTreeEnsemble.Trees.Count;

    [Benchmark]
    public int Native() => NativeLightGbm.Train(_rows, AnchorData.Features.Length, _labels, "max_bin=255 verbose=-1",
        "objective=regression num_leaves=31 learning_rate=0.1 min_data_in_leaf=20 num_threads=2 verbose=-1", 200).Length;
}

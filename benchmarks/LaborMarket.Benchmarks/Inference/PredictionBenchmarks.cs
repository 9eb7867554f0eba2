using System.Globalization;
using BenchmarkDotNet.Attributes;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Benchmarks.Inference;

/// <summary>Batch prediction over the LightGBM fixtures' test rows (1,000+ rows each); per row.</summary>
[MemoryDiagnoser]
public class PredictionBenchmarks
{
    private LightGbmModel _regression = null!;
    private LightGbmModel _multiclass = null!;
    private double[][] _regressionRows = [];
    private double[][] _multiclassRows = [];
    private readonly double[] _out = new double[64];
    private double[] _regressionBatch = [];
    private double[] _batchOut = [];
    private LightGbmModel _anchor = null!;
    private double[] _anchorBatch = [];
    private double[] _anchorOut = [];

    [GlobalSetup]
    public void Setup()
    {
        (_regression, _regressionRows) = Load("regression_l2");
        (_multiclass, _multiclassRows) = Load("multiclass");
        _regressionBatch = _regressionRows.SelectMany(r => r).ToArray();
        _batchOut = new double[_regressionRows.Length];
        _anchor = AnchorModel();
        _anchorBatch = AnchorData.MakeRows(AnchorRows, 20240613).Rows.SelectMany(r => r).ToArray();
        _anchorOut = new double[AnchorRows];
    }

    private const int AnchorRows = 100_000;

    /// <summary>
    /// The speed anchor's model (200 trees, 31 leaves, 10 features of which 3 categorical, trained here on the anchor's
    /// 1 M training rows) over 100,000 anchor test rows: the workload of LightGBM's 124,000 rows/s on one thread.
    /// </summary>
    [Benchmark(OperationsPerInvoke = AnchorRows)]
    public double Anchor200TreesBatch()
    {
        _anchor.PredictBatch(_anchorBatch, _anchorOut);
        return _anchorOut[0];
    }

    /// <summary>The same 1,000 rows through <c>PredictBatch</c> (four rows walk each tree side by side).</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public double Regression200TreesBatch()
    {
        _regression.PredictBatch(_regressionBatch, _batchOut);
        return _batchOut[0];
    }

    /// <summary>200 trees, 31 leaves, 6 features.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public double Regression200Trees()
    {
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            sum += _regression.Predict(_regressionRows[i]);
        }

        return sum;
    }

    /// <summary>500 trees (100 iterations x 5 classes), softmax.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public double Multiclass500Trees()
    {
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            _multiclass.Predict(_multiclassRows[i], _out);
            sum += _out[0];
        }

        return sum;
    }

    /// <summary>SHAP contributions over the 200-tree regression model.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public double Contributions200Trees()
    {
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            _regression.PredictContributions(_regressionRows[i], _out);
            sum += _out[0];
        }

        return sum;
    }

    /// <summary>The anchor model, trained once and kept in the temp folder (training takes about 20 s).</summary>
    private static LightGbmModel AnchorModel()
    {
        var path = Path.Combine(Path.GetTempPath(), "labormarket-benchmarks", "anchor-200x31.model.txt");
        if (!File.Exists(path))
        {
            var result = GbdtTrainer.Train(AnchorData.Make(1_000_000, 20240612), AnchorData.Parameters());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, result.ModelText);
        }

        return LightGbmModel.Load(path);
    }

    private static (LightGbmModel, double[][]) Load(string name)
    {
        var folder = Path.Combine(BenchmarkData.SharedRoot, "fixtures", "lightgbm", name);
        var model = LightGbmModel.Load(Path.Combine(folder, "model.txt"));
        var lines = File.ReadAllLines(Path.Combine(folder, "test.csv"));
        var map = model.MapColumns(lines[0].Split(','));
        var rows = lines.Skip(1).Take(1000).Select(l =>
        {
            var cells = l.Split(',');
            return map.Select(c => cells[c] is "nan" or "" ? double.NaN : double.Parse(cells[c], CultureInfo.InvariantCulture)).ToArray();
        }).ToArray();
        return (model, rows);
    }
}

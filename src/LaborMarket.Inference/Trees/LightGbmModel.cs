using System.Globalization;

namespace LaborMarket.Inference.Trees;

/// <summary>
/// A gradient-boosted tree model read from LightGBM's text format (<c>model.txt</c>), predicting in pure
/// managed code with the same numbers as LightGBM: numerical splits with missing-value handling, categorical
/// bitset splits, linear trees, every common objective's output transform and random-forest averaging.
/// Immutable and thread-safe.
/// </summary>
public sealed class LightGbmModel
{
    // Rows per block of PredictBatch: 256 rows of a few dozen features stay in the core's cache.
    private const int BatchBlockRows = 256;

    private readonly DecisionTree[] _trees;
    private readonly double _sigmoid;
    private readonly int _maxDepth;
    private readonly long _shapBufferSize;
    private readonly bool _hasLinearTrees;
    private readonly BitvectorForest? _forest; // the trees evaluated feature by feature (64 leaves or fewer each)

    // Each thread's words of reachable leaves for the forest (one per tree), grown to the largest model it predicts with.
    [ThreadStatic]
    private static ulong[]? t_words;

    [ThreadStatic]
    private static TreeShap.PathElement[]? t_shapPath;

    [ThreadStatic]
    private static TreeShap.Frame[]? t_shapStack;

    private LightGbmModel(DecisionTree[] trees, string[] featureNames, int numClass, int treesPerIteration, string objective,
        OutputTransform transform, double sigmoid, bool averageOutput, int maxDepth)
    {
        _trees = trees;
        _maxDepth = maxDepth;
        _shapBufferSize = TreeShap.BufferSize(maxDepth, featureNames.Length);
        _hasLinearTrees = trees.Any(t => t.IsLinear);
        FeatureNames = featureNames;
        _forest = BitvectorForest.TryCreate(trees, featureNames.Length, treesPerIteration);
        NumClass = numClass;
        OutputCount = treesPerIteration;
        Objective = objective;
        Transform = transform;
        _sigmoid = sigmoid;
        AverageOutput = averageOutput;
    }

    /// <summary>The trees, in model order.</summary>
    internal IReadOnlyList<DecisionTree> Trees => _trees;

    /// <summary>The trees evaluated feature by feature, when every tree has 64 leaves or fewer and none is linear.</summary>
    internal BitvectorForest? Forest => _forest;

    /// <summary>The model's feature names, in the order prediction inputs use.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of input features (<c>max_feature_idx + 1</c>).</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Number of classes (1 for regression and binary).</summary>
    public int NumClass { get; }

    /// <summary>Values per prediction: the number of trees per iteration (the class count for multiclass, else 1).</summary>
    public int OutputCount { get; }

    /// <summary>Number of trees.</summary>
    public int TreeCount => _trees.Length;

    /// <summary>Boosting iterations (trees / outputs).</summary>
    public int Iterations => _trees.Length / OutputCount;

    /// <summary>
    /// The quantile a <c>quantile</c> model predicts (LightGBM's <c>alpha</c>, read from the file's parameters section),
    /// or null for another objective or a file saved without its parameters.
    /// </summary>
    public double? QuantileAlpha { get; private init; }

    /// <summary>The objective line, such as "binary sigmoid:1".</summary>
    public string Objective { get; }

    /// <summary>How raw scores become predictions.</summary>
    public OutputTransform Transform { get; }

    /// <summary>True for random-forest models: predictions average the trees (raw scores stay sums, as in LightGBM).</summary>
    public bool AverageOutput { get; }

    /// <summary>The depth of the deepest tree (edges from the root to its deepest leaf).</summary>
    public int MaxDepth => _maxDepth;

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The model file (LightGBM's text format).</param>
    /// <param name="options">Limits on the file's size and shape; null for the defaults.</param>
    /// <exception cref="LaborMarketFormatException">
    /// The file is truncated, malformed, holds a value LightGBM never writes (a NaN threshold, a child pointing back up,
    /// a bitset past its words), uses an objective this engine does not implement, or passes a limit of
    /// <paramref name="options"/>; the message names the line and field.
    /// </exception>
    public static LightGbmModel Load(string path, LightGbmModelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path), options);
    }

    /// <summary>Reads a model from text. A model that loads is safe to evaluate for any input.</summary>
    /// <param name="reader">The model text.</param>
    /// <param name="sourceName">The name errors give for the text.</param>
    /// <param name="options">Limits on the text's size and shape; null for the defaults.</param>
    /// <exception cref="LaborMarketFormatException">The text is truncated, malformed, unsupported or past a limit; the message names the line and field.</exception>
    public static LightGbmModel Parse(TextReader reader, string sourceName = "model.txt", LightGbmModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new LightGbmModelOptions();
        options.Validate();

        return ModelTextReader.Read(reader, sourceName, options, (trees, names, numClass, perIteration, objective, transform, sigmoid, average, depth, alpha) =>
            new LightGbmModel(trees, names, numClass, perIteration, objective, transform, sigmoid, average, depth) { QuantileAlpha = alpha });
    }

    /// <summary>The model in LightGBM's text format, written from the parsed trees (for adapters that store the model).</summary>
    internal string ToModelText() => LightGbmModelWriter.Write(this);

    /// <summary>For each model feature, its column in <paramref name="columns"/> (matched by name, as LightGBM does with a header).</summary>
    /// <exception cref="ArgumentException">A model feature has no column; the message lists them.</exception>
    public int[] MapColumns(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var map = new int[FeatureCount];
        var missing = new List<string>();
        for (var f = 0; f < FeatureCount; f++)
        {
            map[f] = -1;
            for (var c = 0; c < columns.Count; c++)
            {
                if (string.Equals(columns[c].Trim(), FeatureNames[f], StringComparison.Ordinal))
                {
                    map[f] = c;
                    break;
                }
            }

            if (map[f] < 0)
            {
                missing.Add(FeatureNames[f]);
            }
        }

        return missing.Count == 0
            ? map
            : throw new ArgumentException($"the input has no column for model feature(s) {string.Join(", ", missing)} (columns: {string.Join(", ", columns)})", nameof(columns));
    }

    /// <summary>Raw scores (before the objective's transform), one per output.</summary>
    public void PredictRaw(ReadOnlySpan<double> features, Span<double> output)
    {
        Check(features, output.Length);
        output[..OutputCount].Clear();
        if (_forest is { } forest)
        {
            forest.AddRaw(features, output, Words(forest.TreeCount));
            return;
        }

        var k = OutputCount;
        var t = 0;
        if (!_hasLinearTrees)
        {
            // Four trees walk the row side by side; their outputs are added in model order.
            for (; t + 4 <= _trees.Length; t += 4)
            {
                var (l0, l1, l2, l3) = DecisionTree.Leaves4(_trees[t], _trees[t + 1], _trees[t + 2], _trees[t + 3], features);
                output[t % k] += _trees[t].LeafValue[l0];
                output[(t + 1) % k] += _trees[t + 1].LeafValue[l1];
                output[(t + 2) % k] += _trees[t + 2].LeafValue[l2];
                output[(t + 3) % k] += _trees[t + 3].LeafValue[l3];
            }
        }

        for (; t < _trees.Length; t++)
        {
            output[t % k] += _trees[t].Output(features);
        }
    }

    /// <summary>The raw score of a single-output model.</summary>
    public double PredictRaw(ReadOnlySpan<double> features)
    {
        SingleOutput();
        Check(features, 1);
        Span<double> one = stackalloc double[1];
        PredictRaw(features, one);
        return one[0];
    }

    /// <summary>
    /// Predictions for many rows at once: <paramref name="rows"/> holds the rows one after another
    /// (<see cref="FeatureCount"/> values each), <paramref name="output"/> receives <see cref="OutputCount"/>
    /// values per row. The same numbers as <see cref="Predict(ReadOnlySpan{double}, Span{double})"/> row by row,
    /// faster: each tree walks four rows side by side, so their memory waits overlap. Allocates nothing.
    /// </summary>
    /// <param name="rows">The rows' features, row after row.</param>
    /// <param name="output">The predictions, row after row.</param>
    /// <param name="raw">True for raw scores (no objective transform).</param>
    public void PredictBatch(ReadOnlySpan<double> rows, Span<double> output, bool raw = false)
    {
        var f = FeatureCount;
        var k = OutputCount;
        if (rows.Length % f != 0)
        {
            throw new ArgumentException($"{rows.Length} values are not whole rows of {f} features", nameof(rows));
        }

        var n = rows.Length / f;
        if (output.Length < n * k)
        {
            throw new ArgumentException($"{n} rows need {n * k} outputs; the output has room for {output.Length}", nameof(output));
        }

        if (_forest is { } forest)
        {
            // Row by row, each evaluated feature by feature over all trees at once.
            output[..(n * k)].Clear();
            var words = Words(forest.TreeCount);
            for (var r = 0; r < n; r++)
            {
                forest.AddRaw(rows.Slice(r * f, f), output.Slice(r * k, k), words);
            }
        }
        else if (_hasLinearTrees)
        {
            for (var r = 0; r < n; r++)
            {
                PredictRaw(rows.Slice(r * f, f), output.Slice(r * k, k));
            }
        }
        else
        {
            // Blocks of rows small enough to stay in cache while every tree walks them; within a block each tree
            // walks four rows side by side. Each row still adds its trees' outputs in model order.
            output[..(n * k)].Clear();
            for (var start = 0; start < n; start += BatchBlockRows)
            {
                var end = Math.Min(n, start + BatchBlockRows);
                for (var t = 0; t < _trees.Length; t++)
                {
                    var tree = _trees[t];
                    var c = t % k;
                    var leaves = tree.LeafValue;
                    var r = start;
                    for (; r + 4 <= end; r += 4)
                    {
                        var (l0, l1, l2, l3) = tree.Leaves4(rows.Slice(r * f, f), rows.Slice((r + 1) * f, f), rows.Slice((r + 2) * f, f), rows.Slice((r + 3) * f, f));
                        output[(r * k) + c] += leaves[l0];
                        output[((r + 1) * k) + c] += leaves[l1];
                        output[((r + 2) * k) + c] += leaves[l2];
                        output[((r + 3) * k) + c] += leaves[l3];
                    }

                    for (; r < end; r++)
                    {
                        output[(r * k) + c] += leaves[tree.Leaf(rows.Slice(r * f, f))];
                    }
                }
            }
        }

        if (!raw)
        {
            for (var r = 0; r < n; r++)
            {
                Finish(output.Slice(r * k, k));
            }
        }
    }

    /// <summary>Predictions (the objective's transform applied), one per output.</summary>
    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        PredictRaw(features, output);
        Finish(output);
    }

    // Averaging (random forest) and the objective's transform, on one row's raw scores.
    private void Finish(Span<double> output)
    {
        var o = output[..OutputCount];
        if (AverageOutput)
        {
            for (var i = 0; i < o.Length; i++)
            {
                o[i] /= Iterations;
            }
        }

        switch (Transform)
        {
            case OutputTransform.Sigmoid or OutputTransform.SigmoidPerClass:
                for (var i = 0; i < o.Length; i++)
                {
                    o[i] = 1.0 / (1.0 + Math.Exp(-_sigmoid * o[i]));
                }

                break;
            case OutputTransform.Exp:
                for (var i = 0; i < o.Length; i++)
                {
                    o[i] = Math.Exp(o[i]);
                }

                break;
            case OutputTransform.Softmax:
                var max = double.NegativeInfinity;
                foreach (var v in o)
                {
                    max = Math.Max(max, v);
                }

                var sum = 0.0;
                for (var i = 0; i < o.Length; i++)
                {
                    o[i] = Math.Exp(o[i] - max);
                    sum += o[i];
                }

                for (var i = 0; i < o.Length; i++)
                {
                    o[i] /= sum;
                }

                break;
        }
    }

    /// <summary>The prediction of a single-output model.</summary>
    public double Predict(ReadOnlySpan<double> features)
    {
        SingleOutput();
        Span<double> one = stackalloc double[1];
        Predict(features, one);
        return one[0];
    }

    /// <summary>The leaf index each tree sends the row to, in model tree order.</summary>
    public void PredictLeaves(ReadOnlySpan<double> features, Span<int> leaves)
    {
        if (leaves.Length < _trees.Length)
        {
            throw new ArgumentException($"leaves needs room for {_trees.Length} trees, has {leaves.Length}", nameof(leaves));
        }

        CheckFeatures(features);
        if (_forest is { } forest)
        {
            forest.Leaves(features, leaves, Words(forest.TreeCount));
            return;
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            leaves[i] = _trees[i].Leaf(features);
        }
    }

    /// <summary>
    /// Per-feature contributions (SHAP values, as LightGBM's <c>predict_contrib</c>): for each output,
    /// <see cref="FeatureCount"/> contributions followed by the expected value; they sum to the raw score.
    /// </summary>
    /// <exception cref="NotSupportedException">The model has linear trees (LightGBM does not define contributions for them).</exception>
    public void PredictContributions(ReadOnlySpan<double> features, Span<double> output)
    {
        var width = FeatureCount + 1;
        if (output.Length < width * OutputCount)
        {
            throw new ArgumentException($"contributions need {width * OutputCount} values per row; the output has room for {output.Length}", nameof(output));
        }

        if (_hasLinearTrees)
        {
            throw new NotSupportedException("contributions are not defined for linear trees (is_linear=1)");
        }

        CheckFeatures(features);
        output[..(width * OutputCount)].Clear();

        // One path buffer and one walk stack per thread, grown to the deepest model seen: no allocation per row. Their
        // size follows the depth (bounded at load by LightGbmModelOptions.MaxTreeDepth), not the leaf count.
        if (_shapBufferSize > Array.MaxLength)
        {
            throw new NotSupportedException($"contributions for trees {_maxDepth} levels deep over {FeatureCount} features need more memory than an array holds");
        }

        var size = (int)_shapBufferSize;
        var buffer = t_shapPath is { } cached && cached.Length >= size ? cached : t_shapPath = new TreeShap.PathElement[size];
        var stack = t_shapStack is { } frames && frames.Length >= _maxDepth + 2 ? frames : t_shapStack = new TreeShap.Frame[_maxDepth + 2];
        for (var i = 0; i < _trees.Length; i++)
        {
            var k = i % OutputCount;
            TreeShap.Add(_trees[i], features, output.Slice(k * width, width), buffer, stack);
        }
    }

    private void Check(ReadOnlySpan<double> features, int outputLength)
    {
        CheckFeatures(features);
        if (outputLength < OutputCount)
        {
            throw new ArgumentException($"the model gives {OutputCount} values per row; the output has room for {outputLength}", nameof(outputLength));
        }
    }

    private static Span<ulong> Words(int trees) =>
        (t_words is { } words && words.Length >= trees ? words : t_words = new ulong[trees]).AsSpan(0, trees);

    private void CheckFeatures(ReadOnlySpan<double> features)
    {
        if (features.Length < FeatureCount)
        {
            throw new ArgumentException($"the model has {FeatureCount} features; the row has {features.Length}", nameof(features));
        }
    }

    private void SingleOutput()
    {
        if (OutputCount != 1)
        {
            throw new InvalidOperationException($"the model gives {OutputCount} values per row: use the overload with an output span");
        }
    }

}

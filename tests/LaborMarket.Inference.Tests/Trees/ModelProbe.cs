using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// Loads a model text and, when it loads, evaluates it every way on hostile rows: NaN, infinities, huge and negative
/// values, fractional and far-out categories. Returns whether it loaded; lets every exception but the typed
/// load error escape.
/// </summary>
internal static class ModelProbe
{
    private static readonly double[] Values =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue, double.Epsilon, 0.0, -0.0,
        -1, -0.5, 0.99, 2.5, 31, 32, 63, 64, 1e6, 1e30, -1e30, int.MaxValue, int.MinValue, 4294967296.0, 1e-35, -1e-35,
    ];

    public static bool LoadAndEvaluate(string text, Random rng, int rows, out LaborMarketFormatException? refusal)
    {
        LightGbmModel model;
        try
        {
            model = LightGbmModel.Parse(new StringReader(text), "mutant.txt");
        }
        catch (LaborMarketFormatException e)
        {
            refusal = e;
            return false;
        }

        refusal = null;
        Evaluate(model, rng, rows);
        return true;
    }

    // The leaf a row reaches, walked with bounds-checked reads and a step limit.
    private static int ReferenceLeaf(DecisionTree tree, ReadOnlySpan<double> x)
    {
        var n = 0;
        for (var steps = 0; tree.NumLeaves > 1 && n >= 0; steps++)
        {
            if (steps > tree.NumLeaves)
            {
                throw new InvalidOperationException("the walk does not reach a leaf");
            }

            n = tree.Next(n, x[tree.SplitFeature[n]]);
        }

        return tree.NumLeaves > 1 ? ~n : 0;
    }

    public static void Evaluate(LightGbmModel model, Random rng, int rows)
    {
        var f = model.FeatureCount;
        var k = model.OutputCount;
        var batch = new double[rows * f];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = rng.Next(3) switch { 0 => (rng.NextDouble() * 120) - 10, 1 => rng.Next(-2, 70), _ => Values[rng.Next(Values.Length)] };
        }

        var output = new double[k];
        var leaves = new int[model.TreeCount];
        var contributions = new double[(f + 1) * k];
        for (var r = 0; r < rows; r++)
        {
            var x = batch.AsSpan(r * f, f);
            model.Predict(x, output);
            model.PredictRaw(x, output);
            model.PredictLeaves(x, leaves);
            var linear = model.Trees.Any(t => t.IsLinear);
            var expected = new double[k];
            for (var t = 0; t < leaves.Length; t++)
            {
                // The fast paths (flat walk, feature-by-feature forest) must agree with the checked walk, leaf for leaf.
                var leaf = ReferenceLeaf(model.Trees[t], x);
                if (leaves[t] != leaf)
                {
                    throw new InvalidOperationException($"tree {t}: the fast path reaches leaf {leaves[t]}, the checked walk leaf {leaf}");
                }

                expected[t % k] += model.Trees[t].LeafValue[leaf];
            }

            if (linear)
            {
                continue;
            }

            for (var c = 0; c < k; c++)
            {
                if (!expected[c].Equals(output[c]))
                {
                    throw new InvalidOperationException($"output {c}: raw score {output[c]:R}, the checked walk's sum {expected[c]:R}");
                }
            }

            // Contributions add up to the raw score (with the expected value): damaged covers would break this.
            model.PredictContributions(x, contributions);
            for (var c = 0; c < k; c++)
            {
                var phi = contributions.AsSpan(c * (f + 1), f + 1);
                double sum = 0, scale = Math.Abs(output[c]);
                foreach (var p in phi)
                {
                    sum += p;
                    scale += Math.Abs(p);
                }

                if (double.IsFinite(scale) && scale < 1e100 && Math.Abs(sum - output[c]) > 1e-6 * (scale + 1))
                {
                    throw new InvalidOperationException($"output {c}: contributions add up to {sum:R}, the raw score is {output[c]:R}");
                }
            }
        }

        var all = new double[rows * k];
        model.PredictBatch(batch, all);
        model.PredictBatch(batch, all, raw: true);
    }
}

namespace LaborMarket.Embeddings.Titles;

/// <summary>A small logistic model (weights, then the bias last), fitted by full-batch gradient descent with an L2 penalty.</summary>
internal static class Logistic
{
    public static double Predict(ReadOnlySpan<double> features, IReadOnlyList<double> weights)
    {
        var z = weights[^1];
        for (var i = 0; i < features.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, int featureCount, int iterations = 3000,
        double rate = 0.5, double l2 = 1e-4)
    {
        var w = new double[featureCount + 1];
        var grad = new double[w.Length];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (var n = 0; n < features.Count; n++)
            {
                var err = Predict(features[n], w) - (labels[n] ? 1 : 0);
                for (var i = 0; i < featureCount; i++)
                {
                    grad[i] += err * features[n][i];
                }

                grad[^1] += err;
            }

            for (var i = 0; i < w.Length; i++)
            {
                w[i] -= rate * ((grad[i] / features.Count) + (i < featureCount ? l2 * w[i] : 0));
            }
        }

        return w;
    }
}

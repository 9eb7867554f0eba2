using System.Numerics.Tensors;

namespace LaborMarket.Embeddings.Clustering;

/// <summary>Projects rows onto their first two principal components (covariance and power iteration; seeded, deterministic).</summary>
public static class PcaProjection
{
    /// <summary>The 2-D positions of <paramref name="n"/> rows of <paramref name="dims"/> floats.</summary>
    public static IReadOnlyList<MapPoint> Project(float[] data, int n, int dims)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (n == 0)
        {
            return [];
        }

        var mean = new float[dims];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Add(mean, data.AsSpan(i * dims, dims), mean);
        }

        TensorPrimitives.Divide(mean, n, mean);
        var centered = new float[(long)n * dims];
        for (var i = 0; i < n; i++)
        {
            TensorPrimitives.Subtract(data.AsSpan(i * dims, dims), mean, centered.AsSpan(i * dims, dims));
        }

        var first = Component(centered, n, dims, null);
        var second = Component(centered, n, dims, first);
        var points = new MapPoint[n];
        for (var i = 0; i < n; i++)
        {
            var row = centered.AsSpan(i * dims, dims);
            points[i] = new MapPoint(TensorPrimitives.Dot(row, first), TensorPrimitives.Dot(row, second));
        }

        return points;
    }

    // Power iteration on X^T X without forming it; the second component is kept orthogonal to the first.
    private static float[] Component(float[] x, int n, int dims, float[]? orthogonalTo)
    {
        var random = new Random(17);
        var v = new float[dims];
        for (var j = 0; j < dims; j++)
        {
            v[j] = (float)(random.NextDouble() - 0.5);
        }

        var next = new float[dims];
        for (var iteration = 0; iteration < 100; iteration++)
        {
            if (orthogonalTo is not null)
            {
                var d = TensorPrimitives.Dot(v, orthogonalTo);
                for (var j = 0; j < dims; j++)
                {
                    v[j] -= d * orthogonalTo[j];
                }
            }

            var norm = TensorPrimitives.Norm(v);
            TensorPrimitives.Divide(v, norm == 0 ? 1 : norm, v);
            Array.Clear(next);
            for (var i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * dims, dims);
                TensorPrimitives.MultiplyAdd(row, TensorPrimitives.Dot(row, v), next, next);
            }

            (v, next) = (next, v);
        }

        if (orthogonalTo is not null)
        {
            var d = TensorPrimitives.Dot(v, orthogonalTo);
            for (var j = 0; j < dims; j++)
            {
                v[j] -= d * orthogonalTo[j];
            }
        }

        var length = TensorPrimitives.Norm(v);
        TensorPrimitives.Divide(v, length == 0 ? 1 : length, v);
        return v;
    }
}

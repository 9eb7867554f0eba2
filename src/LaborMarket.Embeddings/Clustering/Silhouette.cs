using System.Numerics.Tensors;

namespace LaborMarket.Embeddings.Clustering;

/// <summary>Silhouette coefficients with cosine distance, over at most a seeded sample of rows (exact below the sample size).</summary>
internal static class Silhouette
{
    public static double[] PerRow(float[] data, int dims, int[] assignments, int k, int[] rows, CancellationToken cancellationToken)
    {
        var result = new double[rows.Length];
        Parallel.For(0, rows.Length, new ParallelOptions { CancellationToken = cancellationToken }, a =>
        {
            var i = rows[a];
            var sum = new double[k];
            var count = new int[k];
            var row = data.AsSpan(i * dims, dims);
            foreach (var j in rows)
            {
                if (j == i)
                {
                    continue;
                }

                sum[assignments[j]] += 1 - TensorPrimitives.Dot(row, data.AsSpan(j * dims, dims));
                count[assignments[j]]++;
            }

            var own = assignments[i];
            if (count[own] == 0)
            {
                result[a] = 0;
                return;
            }

            var inner = sum[own] / count[own];
            var outer = double.MaxValue;
            for (var c = 0; c < k; c++)
            {
                if (c != own && count[c] > 0)
                {
                    outer = Math.Min(outer, sum[c] / count[c]);
                }
            }

            result[a] = outer == double.MaxValue ? 0 : (outer - inner) / Math.Max(inner, outer);
        });
        return result;
    }

    public static int[] Sample(int n, int max, int seed)
    {
        var rows = Enumerable.Range(0, n).ToArray();
        if (n <= max)
        {
            return rows;
        }

        new Random(seed).Shuffle(rows);
        return rows[..max];
    }
}

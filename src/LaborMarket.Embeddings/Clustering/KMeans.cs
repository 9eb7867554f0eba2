using System.Numerics.Tensors;

namespace LaborMarket.Embeddings.Clustering;

/// <summary>K-means over L2-normalized rows: k-means++ seeding from a seeded random source, Lloyd iterations in parallel.</summary>
internal static class KMeans
{
    public static (int[] Assignments, float[] Centroids) Run(float[] data, int n, int dims, int k, int seed, int maxIterations, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var centroids = new float[k * dims];
        var distance = new double[n];
        var first = random.Next(n);
        data.AsSpan(first * dims, dims).CopyTo(centroids);
        for (var i = 0; i < n; i++)
        {
            distance[i] = SquaredDistance(data.AsSpan(i * dims, dims), centroids.AsSpan(0, dims));
        }

        // k-means++: each next centre is drawn with probability proportional to its squared distance to the nearest centre.
        for (var c = 1; c < k; c++)
        {
            var total = distance.Sum();
            var target = random.NextDouble() * total;
            var pick = n - 1;
            for (var i = 0; i < n; i++)
            {
                target -= distance[i];
                if (target <= 0)
                {
                    pick = i;
                    break;
                }
            }

            data.AsSpan(pick * dims, dims).CopyTo(centroids.AsSpan(c * dims, dims));
            for (var i = 0; i < n; i++)
            {
                distance[i] = Math.Min(distance[i], SquaredDistance(data.AsSpan(i * dims, dims), centroids.AsSpan(c * dims, dims)));
            }
        }

        var assignments = new int[n];
        Array.Fill(assignments, -1);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var changed = 0;
            Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var row = data.AsSpan(i * dims, dims);
                var best = 0;
                var bestDistance = double.MaxValue;
                for (var c = 0; c < k; c++)
                {
                    var d = SquaredDistance(row, centroids.AsSpan(c * dims, dims));
                    if (d < bestDistance)
                    {
                        (best, bestDistance) = (c, d);
                    }
                }

                if (assignments[i] != best)
                {
                    assignments[i] = best;
                    Interlocked.Increment(ref changed);
                }
            });

            if (changed == 0)
            {
                break;
            }

            var sums = new float[k * dims];
            var counts = new int[k];
            for (var i = 0; i < n; i++)
            {
                TensorPrimitives.Add(sums.AsSpan(assignments[i] * dims, dims), data.AsSpan(i * dims, dims), sums.AsSpan(assignments[i] * dims, dims));
                counts[assignments[i]]++;
            }

            for (var c = 0; c < k; c++)
            {
                // An emptied cluster keeps its old centre.
                if (counts[c] > 0)
                {
                    TensorPrimitives.Divide(sums.AsSpan(c * dims, dims), counts[c], centroids.AsSpan(c * dims, dims));
                }
            }
        }

        return (assignments, centroids);
    }

    public static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var d = TensorPrimitives.Distance(a, b);
        return d * d;
    }
}

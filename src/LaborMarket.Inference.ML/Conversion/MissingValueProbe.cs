using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace LaborMarket.Inference.ML.Conversion;

/// <summary>
/// Finds where a missing value (NaN) goes at each numerical split of an ML.NET tree ensemble, through ML.NET's public
/// tree featurizer: the ensemble's public surface has the splits but not the side a NaN takes. For every split, one
/// probe row satisfies the path from the root to it with a NaN in the split's feature; the leaf it reaches says the
/// side. A split that no NaN reaches (an ancestor on the same feature sends NaN elsewhere) never sees one, so either
/// side gives the same predictions there.
/// </summary>
internal static class MissingValueProbe
{
    /// <summary>For each tree and node: true when a NaN goes to the left child.</summary>
    public static bool[][] NaNGoesLeft(MLContext ml, TreeEnsembleModelParameters parameters, IReadOnlyList<RegressionTreeBase> trees, int featureCount)
    {
        var probes = new List<(int Tree, int Node, float[] Row)>();
        var result = new bool[trees.Count][];
        for (var t = 0; t < trees.Count; t++)
        {
            var tree = trees[t];
            result[t] = new bool[tree.NumberOfNodes];
            var parents = Parents(tree);
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                if (!tree.CategoricalSplitFlags[n] && Row(tree, n, parents, featureCount) is { } row)
                {
                    probes.Add((t, n, row));
                }
            }
        }

        if (probes.Count == 0)
        {
            return result;
        }

        var schema = SchemaDefinition.Create(typeof(ProbeRow));
        schema[nameof(ProbeRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        var data = ml.Data.LoadFromEnumerable(probes.Select(p => new ProbeRow { Features = p.Row }), schema);
        var featurizer = ml.Transforms.FeaturizeByPretrainTreeEnsemble(new PretrainedTreeFeaturizationEstimator.Options
        {
            InputColumnName = nameof(ProbeRow.Features),
            ModelParameters = parameters,
            TreesColumnName = null,
            LeavesColumnName = "Leaves",
            PathsColumnName = null,
        });

        // The leaves column is each tree's leaves one-hot, tree after tree.
        var offsets = new int[trees.Count];
        for (var t = 1; t < trees.Count; t++)
        {
            offsets[t] = offsets[t - 1] + trees[t - 1].NumberOfLeaves;
        }

        var leaves = featurizer.Fit(data).Transform(data).GetColumn<VBuffer<float>>("Leaves");
        var i = 0;
        foreach (var vector in leaves)
        {
            var (t, n, _) = probes[i++];
            var leaf = ReachedLeaf(vector, offsets[t], trees[t].NumberOfLeaves);
            result[t][n] = leaf >= 0 && Under(trees[t], trees[t].LeftChild[n], leaf);
        }

        return result;
    }

    private static int ReachedLeaf(VBuffer<float> vector, int offset, int count)
    {
        var indices = vector.GetIndices();
        var values = vector.GetValues();
        for (var j = 0; j < values.Length; j++)
        {
            var slot = vector.IsDense ? j : indices[j];
            if (values[j] != 0 && slot >= offset && slot < offset + count)
            {
                return slot - offset;
            }
        }

        return -1;
    }

    // Whether leaf (as ~index in child links) lies under child.
    private static bool Under(RegressionTreeBase tree, int child, int leaf)
    {
        if (child < 0)
        {
            return ~child == leaf;
        }

        return Under(tree, tree.LeftChild[child], leaf) || Under(tree, tree.RightChild[child], leaf);
    }

    private static (int Parent, bool Left)[] Parents(RegressionTreeBase tree)
    {
        var parents = new (int, bool)[tree.NumberOfNodes];
        parents.AsSpan().Fill((-1, false));
        for (var n = 0; n < tree.NumberOfNodes; n++)
        {
            if (tree.LeftChild[n] >= 0)
            {
                parents[tree.LeftChild[n]] = (n, true);
            }

            if (tree.RightChild[n] >= 0)
            {
                parents[tree.RightChild[n]] = (n, false);
            }
        }

        return parents;
    }

    // A row that reaches node n with NaN in n's feature, or null when no row reaches n (an empty interval).
    private static float[]? Row(RegressionTreeBase tree, int n, (int Parent, bool Left)[] parents, int featureCount)
    {
        var feature = tree.NumericalSplitFeatureIndexes[n];
        var lo = new float[featureCount];
        var hi = new float[featureCount];
        lo.AsSpan().Fill(float.NegativeInfinity);
        hi.AsSpan().Fill(float.PositiveInfinity);
        for (var (p, left) = parents[n]; p >= 0; (p, left) = parents[p])
        {
            if (tree.CategoricalSplitFlags[p])
            {
                return null; // categorical splits are not converted
            }

            var f = tree.NumericalSplitFeatureIndexes[p];
            var threshold = tree.NumericalSplitThresholds[p];
            if (left)
            {
                hi[f] = Math.Min(hi[f], threshold); // x <= threshold
            }
            else
            {
                lo[f] = Math.Max(lo[f], threshold); // x > threshold
            }
        }

        var row = new float[featureCount];
        for (var f = 0; f < featureCount; f++)
        {
            if (f == feature)
            {
                row[f] = float.NaN;
            }
            else if (lo[f] >= hi[f])
            {
                return null;
            }
            else
            {
                row[f] = !float.IsPositiveInfinity(hi[f]) ? hi[f] : float.IsNegativeInfinity(lo[f]) ? 0f : MathF.BitIncrement(lo[f]);
            }
        }

        return row;
    }

    private sealed class ProbeRow
    {
        public float[] Features { get; set; } = [];
    }
}

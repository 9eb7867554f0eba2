namespace LaborMarket.Inference.Trees;

/// <summary>
/// Exact per-feature contributions of one tree (TreeSHAP, Lundberg et al. 2018), in the arithmetic order
/// LightGBM's <c>predict_contrib</c> uses so that the numbers agree. Node covers are the training counts
/// stored in the model (<c>internal_count</c>, <c>leaf_count</c>).
/// </summary>
internal static class TreeShap
{
    internal struct PathElement
    {
        public int FeatureIndex;
        public double ZeroFraction;
        public double OneFraction;
        public double PWeight;
    }

    /// <summary>Adds the tree's contributions to <paramref name="phi"/> (one per feature, then the expected value).</summary>
    public static void Add(DecisionTree tree, ReadOnlySpan<double> x, Span<double> phi, PathElement[] buffer)
    {
        var features = phi.Length - 1;
        phi[features] += ExpectedValue(tree);
        if (tree.NumLeaves > 1)
        {
            Recurse(tree, x, phi, 0, 0, buffer, 0, 1, 1, -1);
        }
    }

    /// <summary>Room for the unique paths of a tree of this many leaves.</summary>
    public static int BufferSize(int leaves) => (leaves + 1) * (leaves + 2) / 2;

    private static double ExpectedValue(DecisionTree tree)
    {
        if (tree.NumLeaves == 1)
        {
            return tree.LeafValue[0];
        }

        var total = tree.InternalCount[0];
        var value = 0.0;
        for (var i = 0; i < tree.NumLeaves; i++)
        {
            value += tree.LeafCount[i] / total * tree.LeafValue[i];
        }

        return value;
    }

    private static double Cover(DecisionTree tree, int node) => node >= 0 ? tree.InternalCount[node] : tree.LeafCount[~node];

    private static void Recurse(DecisionTree tree, ReadOnlySpan<double> x, Span<double> phi, int node, int depth,
        PathElement[] buffer, int parentOffset, double parentZero, double parentOne, int parentFeature)
    {
        // This level's unique path lives right after the parent's in the shared buffer.
        var offset = parentOffset + depth;
        var path = buffer.AsSpan(offset);
        if (depth > 0)
        {
            buffer.AsSpan(parentOffset, depth).CopyTo(path);
        }

        Extend(path, depth, parentZero, parentOne, parentFeature);
        if (node < 0)
        {
            var leaf = tree.LeafValue[~node];
            for (var i = 1; i <= depth; i++)
            {
                var w = UnwoundSum(path, depth, i);
                ref var el = ref path[i];
                phi[el.FeatureIndex] += w * (el.OneFraction - el.ZeroFraction) * leaf;
            }

            return;
        }

        var feature = tree.SplitFeature[node];
        var hot = tree.Next(node, x[feature]);
        var cold = hot == tree.LeftChild[node] ? tree.RightChild[node] : tree.LeftChild[node];
        var w0 = Cover(tree, node);
        var hotZero = Cover(tree, hot) / w0;
        var coldZero = Cover(tree, cold) / w0;
        var incomingZero = 1.0;
        var incomingOne = 1.0;
        var pathIndex = 0;
        for (; pathIndex <= depth; pathIndex++)
        {
            if (path[pathIndex].FeatureIndex == feature)
            {
                break;
            }
        }

        if (pathIndex != depth + 1)
        {
            incomingZero = path[pathIndex].ZeroFraction;
            incomingOne = path[pathIndex].OneFraction;
            Unwind(path, depth, pathIndex);
            depth--;
        }

        Recurse(tree, x, phi, hot, depth + 1, buffer, offset, hotZero * incomingZero, incomingOne, feature);
        Recurse(tree, x, phi, cold, depth + 1, buffer, offset, coldZero * incomingZero, 0, feature);
    }

    private static void Extend(Span<PathElement> path, int depth, double zero, double one, int feature)
    {
        path[depth].FeatureIndex = feature;
        path[depth].ZeroFraction = zero;
        path[depth].OneFraction = one;
        path[depth].PWeight = depth == 0 ? 1.0 : 0.0;
        for (var i = depth - 1; i >= 0; i--)
        {
            path[i + 1].PWeight += one * path[i].PWeight * (i + 1) / (double)(depth + 1);
            path[i].PWeight = zero * path[i].PWeight * (depth - i) / (double)(depth + 1);
        }
    }

    private static void Unwind(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var nextOne = path[depth].PWeight;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = path[i].PWeight;
                path[i].PWeight = nextOne * (depth + 1) / ((i + 1) * one);
                nextOne = tmp - (path[i].PWeight * zero * (depth - i) / (depth + 1));
            }
            else
            {
                path[i].PWeight = path[i].PWeight * (depth + 1) / (zero * (depth - i));
            }
        }

        for (var i = index; i < depth; i++)
        {
            path[i].FeatureIndex = path[i + 1].FeatureIndex;
            path[i].ZeroFraction = path[i + 1].ZeroFraction;
            path[i].OneFraction = path[i + 1].OneFraction;
        }
    }

    private static double UnwoundSum(Span<PathElement> path, int depth, int index)
    {
        var one = path[index].OneFraction;
        var zero = path[index].ZeroFraction;
        var nextOne = path[depth].PWeight;
        var total = 0.0;
        for (var i = depth - 1; i >= 0; i--)
        {
            if (one != 0)
            {
                var tmp = nextOne * (depth + 1) / ((i + 1) * one);
                total += tmp;
                nextOne = path[i].PWeight - (tmp * zero * ((depth - i) / (double)(depth + 1)));
            }
            else
            {
                total += path[i].PWeight / zero / ((depth - i) / (double)(depth + 1));
            }
        }

        return total;
    }
}

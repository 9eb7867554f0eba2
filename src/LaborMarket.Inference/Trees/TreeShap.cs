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

    /// <summary>A pending visit of a node: where its parent's path lies and how the parent's split weighs this side.</summary>
    internal readonly record struct Frame(int Node, int Depth, int ParentOffset, double ParentZero, double ParentOne, int ParentFeature);

    /// <summary>
    /// Adds the tree's contributions to <paramref name="phi"/> (one per feature, then the expected value). The walk keeps
    /// its own stack (room for the tree's depth + 2 frames), so a deep tree costs memory, not the thread's stack.
    /// </summary>
    public static void Add(DecisionTree tree, ReadOnlySpan<double> x, Span<double> phi, PathElement[] buffer, Frame[] stack)
    {
        var features = phi.Length - 1;
        phi[features] += ExpectedValue(tree);
        if (tree.NumLeaves == 1)
        {
            return;
        }

        // The order of visits is the recursive algorithm's (hot side, then cold), so the sums are LightGBM's.
        var top = 0;
        stack[top++] = new Frame(0, 0, 0, 1, 1, -1);
        while (top > 0)
        {
            var (node, depth, parentOffset, parentZero, parentOne, parentFeature) = stack[--top];

            // This level's unique path lives right after the parent's in the shared buffer; a pending sibling reads the
            // parent's path, which nothing below this node overwrites.
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

                continue;
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

            stack[top++] = new Frame(cold, depth + 1, offset, coldZero * incomingZero, 0, feature);
            stack[top++] = new Frame(hot, depth + 1, offset, hotZero * incomingZero, incomingOne, feature);
        }
    }

    /// <summary>
    /// Room for the unique paths of a walk down to <paramref name="depth"/> levels over <paramref name="features"/>
    /// features: level k keeps a path of at most min(k, features) + 1 elements after its parent's.
    /// </summary>
    public static long BufferSize(int depth, int features)
    {
        long size = 0;
        for (var k = 0; k <= depth + 1; k++)
        {
            size += Math.Min(k, features) + 2;
        }

        return size;
    }

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

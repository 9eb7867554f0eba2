namespace LaborMarket.Inference.Trees;

/// <summary>One regression tree in LightGBM's layout: parallel arrays over internal nodes and leaves.</summary>
internal sealed class DecisionTree
{
    // LightGBM's kZeroThreshold: 1e-35f widened to double.
    internal const double ZeroThreshold = 1.0000000180025095e-35;

    public required int NumLeaves { get; init; }
    public required int[] SplitFeature { get; init; }
    public required double[] Threshold { get; init; }
    public required byte[] DecisionType { get; init; }
    public required int[] LeftChild { get; init; }
    public required int[] RightChild { get; init; }
    public required double[] LeafValue { get; init; }
    public required int[] CatBoundaries { get; init; }
    public required uint[] CatThreshold { get; init; }
    public required double[] LeafCount { get; init; }
    public required double[] InternalCount { get; init; }
    public bool IsLinear { get; init; }
    public double[] LeafConst { get; init; } = [];
    public int[][] LeafFeatures { get; init; } = [];
    public double[][] LeafCoeff { get; init; } = [];

    /// <summary>The leaf a row falls into.</summary>
    public int Leaf(ReadOnlySpan<double> x)
    {
        if (NumLeaves <= 1)
        {
            return 0;
        }

        var node = 0;
        while (node >= 0)
        {
            node = Next(node, x[SplitFeature[node]]);
        }

        return ~node;
    }

    /// <summary>The leaves of four rows, walked side by side (independent paths overlap their memory waits).</summary>
    public (int, int, int, int) Leaves4(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d)
    {
        if (NumLeaves <= 1)
        {
            return (0, 0, 0, 0);
        }

        int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        var features = SplitFeature;
        while ((n0 & n1 & n2 & n3) >= 0)
        {
            // A finished row (negative node) stays put; the loop ends when all four are finished.
            if (n0 >= 0)
            {
                n0 = Next(n0, a[features[n0]]);
            }

            if (n1 >= 0)
            {
                n1 = Next(n1, b[features[n1]]);
            }

            if (n2 >= 0)
            {
                n2 = Next(n2, c[features[n2]]);
            }

            if (n3 >= 0)
            {
                n3 = Next(n3, d[features[n3]]);
            }
        }

        return (~n0, ~n1, ~n2, ~n3);
    }

    /// <summary>The tree's output for a row.</summary>
    public double Output(ReadOnlySpan<double> x)
    {
        var leaf = Leaf(x);
        if (!IsLinear)
        {
            return LeafValue[leaf];
        }

        var features = LeafFeatures[leaf];
        var coeff = LeafCoeff[leaf];
        var output = LeafConst[leaf];
        for (var i = 0; i < features.Length; i++)
        {
            var v = x[features[i]];
            if (double.IsNaN(v))
            {
                return LeafValue[leaf];
            }

            output += coeff[i] * v;
        }

        return output;
    }

    /// <summary>The child a value goes to at an internal node (a negative child is leaf ~child).</summary>
    internal int Next(int node, double value)
    {
        var type = DecisionType[node];
        if ((type & 1) != 0)
        {
            return Categorical(node, value);
        }

        var missing = (type >> 2) & 3;
        if (double.IsNaN(value) && missing != 2)
        {
            value = 0.0;
        }

        if ((missing == 1 && value >= -ZeroThreshold && value <= ZeroThreshold) || (missing == 2 && double.IsNaN(value)))
        {
            return (type & 2) != 0 ? LeftChild[node] : RightChild[node];
        }

        return value <= Threshold[node] ? LeftChild[node] : RightChild[node];
    }

    private int Categorical(int node, double value)
    {
        if (double.IsNaN(value))
        {
            return RightChild[node];
        }

        // Truncation toward zero, as LightGBM's static_cast<int>; out-of-range values land outside every bitset.
        var category = value >= int.MaxValue ? int.MaxValue : value <= int.MinValue ? -1 : (int)value;
        if (category < 0)
        {
            return RightChild[node];
        }

        var c = (int)Threshold[node];
        var from = CatBoundaries[c];
        var words = CatBoundaries[c + 1] - from;
        var word = category / 32;
        return word < words && ((CatThreshold[from + word] >> (category % 32)) & 1) != 0 ? LeftChild[node] : RightChild[node];
    }
}

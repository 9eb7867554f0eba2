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

    /// <summary>One internal node, packed so that a traversal step touches one cache line.</summary>
    internal struct Node
    {
        public double Threshold;
        public int Feature;
        public int Left;
        public int Right;
        public byte Type;
    }

    private Node[]? _nodes;

    /// <summary>Packs the node arrays; called once by the reader before the tree is shared.</summary>
    internal DecisionTree Pack()
    {
        var nodes = new Node[Math.Max(0, NumLeaves - 1)];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = new Node { Threshold = Threshold[i], Feature = SplitFeature[i], Left = LeftChild[i], Right = RightChild[i], Type = DecisionType[i] };
        }

        _nodes = nodes;
        return this;
    }

    /// <summary>The leaf a row falls into.</summary>
    public int Leaf(ReadOnlySpan<double> x)
    {
        if (NumLeaves <= 1)
        {
            return 0;
        }

        var nodes = _nodes!;
        var node = 0;
        while (node >= 0)
        {
            ref readonly var n = ref nodes[node];
            if ((n.Type & 0b1101) == 0)
            {
                // Numerical split with missing type None: NaN counts as 0.
                var v = x[n.Feature];
                node = (double.IsNaN(v) ? 0.0 : v) <= n.Threshold ? n.Left : n.Right;
            }
            else
            {
                node = Next(node, x[n.Feature]);
            }
        }

        return ~node;
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

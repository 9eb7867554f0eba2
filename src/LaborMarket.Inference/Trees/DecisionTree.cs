using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    private FlatNode[]? _flat;

    /// <summary>
    /// The tree laid out for prediction: internal nodes first, then one node per leaf that points to itself, so a walk
    /// can take a fixed step whether or not it has reached a leaf. Made on first use (the same array whichever thread
    /// makes it).
    /// </summary>
    internal FlatNode[] Flat => _flat ??= Flatten();

    /// <summary>Number of internal nodes: flat indexes at or above it are leaves.</summary>
    internal int InnerCount => NumLeaves - 1;

    /// <summary>The leaf a row falls into.</summary>
    public int Leaf(ReadOnlySpan<double> x)
    {
        var nodes = Flat;
        var inner = InnerCount;
        ref var first = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var row = ref MemoryMarshal.GetReference(x);
        var n = 0;
        while (n < inner)
        {
            n = Step(ref first, ref row, n);
        }

        return n - inner;
    }

    /// <summary>
    /// The leaves of four rows walked side by side: each step moves all four (a row at its leaf stays put), so the
    /// walks overlap their memory waits and the step has no branch on the data.
    /// </summary>
    public (int, int, int, int) Leaves4(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d)
    {
        var inner = InnerCount;
        ref var first = ref MemoryMarshal.GetArrayDataReference(Flat);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        ref var rd = ref MemoryMarshal.GetReference(d);
        int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        if (CatThreshold.Length > 0)
        {
            ref var bits = ref MemoryMarshal.GetArrayDataReference(CatThreshold);
            while ((n0 < inner) | (n1 < inner) | (n2 < inner) | (n3 < inner))
            {
                n0 = MixedStep(ref first, ref bits, ref ra, n0);
                n1 = MixedStep(ref first, ref bits, ref rb, n1);
                n2 = MixedStep(ref first, ref bits, ref rc, n2);
                n3 = MixedStep(ref first, ref bits, ref rd, n3);
            }
        }
        else
        {
            while ((n0 < inner) | (n1 < inner) | (n2 < inner) | (n3 < inner))
            {
                n0 = Step(ref first, ref ra, n0);
                n1 = Step(ref first, ref rb, n1);
                n2 = Step(ref first, ref rc, n2);
                n3 = Step(ref first, ref rd, n3);
            }
        }

        return (n0 - inner, n1 - inner, n2 - inner, n3 - inner);
    }

    /// <summary>The leaves one row reaches in four trees, walked side by side (the trees' walks overlap as four rows' do).</summary>
    public static (int, int, int, int) Leaves4(DecisionTree t0, DecisionTree t1, DecisionTree t2, DecisionTree t3, ReadOnlySpan<double> x)
    {
        ref var row = ref MemoryMarshal.GetReference(x);
        ref var f0 = ref MemoryMarshal.GetArrayDataReference(t0.Flat);
        ref var f1 = ref MemoryMarshal.GetArrayDataReference(t1.Flat);
        ref var f2 = ref MemoryMarshal.GetArrayDataReference(t2.Flat);
        ref var f3 = ref MemoryMarshal.GetArrayDataReference(t3.Flat);
        int n0 = 0, n1 = 0, n2 = 0, n3 = 0;
        while ((n0 < t0.InnerCount) | (n1 < t1.InnerCount) | (n2 < t2.InnerCount) | (n3 < t3.InnerCount))
        {
            n0 = t0.Step(ref f0, ref row, n0);
            n1 = t1.Step(ref f1, ref row, n1);
            n2 = t2.Step(ref f2, ref row, n2);
            n3 = t3.Step(ref f3, ref row, n3);
        }

        return (n0 - t0.InnerCount, n1 - t1.InnerCount, n2 - t2.InnerCount, n3 - t3.InnerCount);
    }

    // One step of a walk. Plain numerical nodes choose a child without a branch: the comparison picks Left or Right
    // and a NaN flips it when the node sends NaN left. Categorical nodes test the category's bit, out-of-range
    // values (NaN, negative, past the bitset) going right; zero-as-missing nodes take the full rule.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Step(ref FlatNode nodes, ref double row, int n)
    {
        ref var node = ref Unsafe.Add(ref nodes, n);
        var v = Unsafe.Add(ref row, node.Feature);
        var flags = node.Flags;
        int right;
        if (flags <= 1)
        {
            right = v <= node.Threshold ? 0 : 1;
            right ^= (double.IsNaN(v) ? 1 : 0) & flags;
        }
        else if ((flags & 4) != 0)
        {
            // LightGBM truncates toward zero, so (-1, 0) is category 0; the threshold holds the bitset's size in bits.
            var inRange = (v > -1.0) & (v < node.Threshold);
            var category = inRange ? (int)v : 0;
            var word = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(CatThreshold), (flags >> 3) + (category >> 5));
            right = (int)((word >> (category & 31)) & (inRange ? 1u : 0u)) ^ 1;
        }
        else
        {
            return FlatChild(Next(n, v));
        }

        return Unsafe.Add(ref Unsafe.AsRef(in node.Left), right);
    }

    // The step for trees with categorical nodes: both rules are worked out and the node's kind picks one, so the
    // mix of numerical and categorical nodes costs no mispredicted branch. A numerical node's categorical side reads
    // word 0 of a bitset that is never empty and is ignored.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MixedStep(ref FlatNode nodes, ref uint bits, ref double row, int n)
    {
        ref var node = ref Unsafe.Add(ref nodes, n);
        var v = Unsafe.Add(ref row, node.Feature);
        var flags = node.Flags;
        if ((flags & 6) == 2)
        {
            return FlatChild(Next(n, v));
        }

        var threshold = node.Threshold;
        var numerical = (v <= threshold ? 0 : 1) ^ ((double.IsNaN(v) ? 1 : 0) & flags);
        var isCategorical = (flags >> 2) & 1;
        var inRange = (v > -1.0 ? 1 : 0) & (v < threshold ? 1 : 0) & isCategorical;
        var category = (int)v & -inRange;
        var word = Unsafe.Add(ref bits, (flags >> 3) + (category >> 5));
        var categorical = (int)((word >> (category & 31)) & (uint)inRange) ^ 1;
        var right = numerical ^ ((numerical ^ categorical) & -isCategorical);
        return Unsafe.Add(ref Unsafe.AsRef(in node.Left), right);
    }

    private int FlatChild(int child) => child >= 0 ? child : InnerCount + ~child;

    private FlatNode[] Flatten()
    {
        var inner = InnerCount;
        var nodes = new FlatNode[inner + NumLeaves];
        for (var i = 0; i < inner; i++)
        {
            var type = DecisionType[i];
            var missing = (type >> 2) & 3;
            int flags;
            var threshold = Threshold[i];
            if ((type & 1) != 0)
            {
                // Categorical: the bitset's first word in the flags, its size in bits as the threshold.
                var c = (int)Threshold[i];
                flags = 2 | 4 | (CatBoundaries[c] << 3);
                threshold = (CatBoundaries[c + 1] - CatBoundaries[c]) * 32.0;
            }
            else if (missing is not (0 or 2))
            {
                flags = 2;
            }
            else
            {
                // Missing type None reads NaN as 0; type NaN sends it the default way.
                var nanLeft = missing == 0 ? 0.0 <= Threshold[i] : (type & 2) != 0;
                flags = nanLeft ? 1 : 0;
            }

            nodes[i] = new FlatNode(threshold, SplitFeature[i], flags, FlatChild(LeftChild[i]), FlatChild(RightChild[i]));
        }

        // A leaf's node compares feature 0 with +infinity and goes to itself either way.
        for (var j = 0; j < NumLeaves; j++)
        {
            nodes[inner + j] = new FlatNode(double.PositiveInfinity, 0, 0, inner + j, inner + j);
        }

        return nodes;
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

/// <summary>A tree node laid out for prediction (24 bytes); <see cref="Right"/> follows <see cref="Left"/> in memory.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct FlatNode(double threshold, int feature, int flags, int left, int right)
{
    public readonly double Threshold = threshold;
    public readonly int Feature = feature;

    /// <summary>
    /// Bit 0: NaN goes left (plain numerical nodes); bit 1: not a plain numerical node; bit 2: categorical, with the
    /// bitset's first word from bit 3 on (else the node needs the full rule: zero as missing).
    /// </summary>
    public readonly int Flags = flags;
    public readonly int Left = left;
    public readonly int Right = right;
}

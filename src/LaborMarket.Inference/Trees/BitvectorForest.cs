using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LaborMarket.Inference.Trees;

/// <summary>
/// The trees of a model (64 leaves or fewer each) evaluated feature by feature instead of tree by tree, as the
/// QuickScorer algorithm does (Lucchese et al., SIGIR 2015). Each tree's leaves, numbered left to right, are the
/// bits of one 64-bit word that starts all ones. A node whose test sends the row right removes the leaves of its
/// left subtree from its tree's word; the row's leaf in a tree is then the lowest bit left. The nodes a value
/// sends right are found without walking: for a numerical feature they are the nodes whose threshold is below the
/// value (a prefix of the feature's nodes sorted by threshold), for a categorical feature a list kept per category.
/// No walk, no branch on the data per node: a few instructions per node a row goes right at.
/// The decisions are LightGBM's (see <see cref="DecisionTree.Next"/>), so the leaves and sums are the walk's.
/// </summary>
internal sealed class BitvectorForest
{
    private const int MaxLeaves = 64;

    // Largest number of per-category entries kept for a model; past it the model is walked tree by tree.
    private const int MaxCategoryEntries = 1 << 22;

    private readonly int _trees;
    private readonly int _outputs;

    // Numerical nodes of feature f: [_numStart[f], _numStart[f + 1]) of _thresholds and _numNodes, by threshold.
    private readonly int[] _numStart;
    private readonly double[] _thresholds;
    private readonly Node[] _numNodes;

    // Numerical nodes of feature f that send NaN right: [_nanStart[f], _nanStart[f + 1]) of _nanNodes.
    private readonly int[] _nanStart;
    private readonly Node[] _nanNodes;

    // Categorical nodes of feature f: category c in [0, _catCount[f]) sends right the nodes
    // [_catStart[_catBase[f] + c], _catStart[_catBase[f] + c + 1]) of _catNodes; any other value (NaN, negative,
    // past every bitset) sends all of them right: [_catAllStart[f], _catAllStart[f + 1]) of _catAll.
    private readonly int[] _catCount;
    private readonly int[] _catBase;
    private readonly int[] _catStart;
    private readonly Node[] _catNodes;
    private readonly int[] _catAllStart;
    private readonly Node[] _catAll;

    // Nodes that treat zero as missing, decided one by one with the full rule.
    private readonly (DecisionTree Tree, int Node, Node Clear)[] _zeroNodes;

    // Leaf value and LightGBM leaf index by (tree, left-to-right position): [_leafStart[t] + position].
    private readonly int[] _leafStart;
    private readonly double[] _leafValues;
    private readonly int[] _leafIndex;

    private readonly record struct Node(ulong Mask, int Tree);

    private BitvectorForest(int trees, int outputs, int[] numStart, double[] thresholds, Node[] numNodes, int[] nanStart, Node[] nanNodes,
        int[] catCount, int[] catBase, int[] catStart, Node[] catNodes, int[] catAllStart, Node[] catAll,
        (DecisionTree, int, Node)[] zeroNodes, int[] leafStart, double[] leafValues, int[] leafIndex)
    {
        _trees = trees;
        _outputs = outputs;
        _numStart = numStart;
        _thresholds = thresholds;
        _numNodes = numNodes;
        _nanStart = nanStart;
        _nanNodes = nanNodes;
        _catCount = catCount;
        _catBase = catBase;
        _catStart = catStart;
        _catNodes = catNodes;
        _catAllStart = catAllStart;
        _catAll = catAll;
        _zeroNodes = zeroNodes;
        _leafStart = leafStart;
        _leafValues = leafValues;
        _leafIndex = leafIndex;
    }

    /// <summary>Number of trees (the words a row's evaluation needs).</summary>
    public int TreeCount => _trees;

    /// <summary>The forest of <paramref name="trees"/>, or null when a tree has more than 64 leaves or is linear.</summary>
    public static BitvectorForest? TryCreate(DecisionTree[] trees, int featureCount, int outputs)
    {
        if (trees.Length == 0 || trees.Any(t => t.NumLeaves > MaxLeaves || t.IsLinear))
        {
            return null;
        }

        var numerical = new List<(double Threshold, Node Node)>[featureCount];
        var nan = new List<Node>[featureCount];
        var categorical = new List<(DecisionTree Tree, int Node, Node Clear)>[featureCount];
        var zero = new List<(DecisionTree, int, Node)>();
        var leafStart = new int[trees.Length + 1];
        var leafValues = new List<double>();
        var leafIndex = new List<int>();
        for (var f = 0; f < featureCount; f++)
        {
            numerical[f] = [];
            nan[f] = [];
            categorical[f] = [];
        }

        for (var t = 0; t < trees.Length; t++)
        {
            var tree = trees[t];
            leafStart[t] = leafValues.Count;
            if (tree.NumLeaves == 1)
            {
                leafValues.Add(tree.LeafValue[0]);
                leafIndex.Add(0);
                continue;
            }

            // Leaves numbered left to right; each internal node's left subtree is a run of them.
            var position = 0;
            var firstLeaf = new int[tree.NumLeaves - 1];
            var leftLeaves = new int[tree.NumLeaves - 1];
            Number(tree, 0, ref position, firstLeaf, leftLeaves, leafValues, leafIndex);
            for (var n = 0; n < tree.NumLeaves - 1; n++)
            {
                var feature = tree.SplitFeature[n];
                if ((uint)feature >= (uint)featureCount)
                {
                    return null;
                }

                var clear = new Node(~(((1UL << leftLeaves[n]) - 1) << firstLeaf[n]), t);
                var type = tree.DecisionType[n];
                var missing = (type >> 2) & 3;
                if ((type & 1) != 0)
                {
                    categorical[feature].Add((tree, n, clear));
                }
                else if (missing == 1)
                {
                    zero.Add((tree, n, clear));
                }
                else
                {
                    numerical[feature].Add((tree.Threshold[n], clear));
                    if (tree.Next(n, double.NaN) == tree.RightChild[n])
                    {
                        nan[feature].Add(clear);
                    }
                }
            }
        }

        leafStart[trees.Length] = leafValues.Count;

        var numStart = new int[featureCount + 1];
        var nanStart = new int[featureCount + 1];
        var thresholds = new List<double>();
        var numNodes = new List<Node>();
        var nanNodes = new List<Node>();
        var catCount = new int[featureCount];
        var catBase = new int[featureCount];
        var catStart = new List<int>();
        var catNodes = new List<Node>();
        var catAllStart = new int[featureCount + 1];
        var catAll = new List<Node>();
        for (var f = 0; f < featureCount; f++)
        {
            numStart[f] = numNodes.Count;
            foreach (var (threshold, node) in numerical[f].OrderBy(e => e.Threshold))
            {
                thresholds.Add(threshold);
                numNodes.Add(node);
            }

            nanStart[f] = nanNodes.Count;
            nanNodes.AddRange(nan[f]);

            catAllStart[f] = catAll.Count;
            catBase[f] = catStart.Count;
            var nodes = categorical[f];
            if (nodes.Count == 0)
            {
                continue;
            }

            catAll.AddRange(nodes.Select(e => e.Clear));
            var count = nodes.Max(e => Bits(e.Tree, e.Node));
            if ((long)catNodes.Count + ((long)count * nodes.Count) > MaxCategoryEntries)
            {
                return null;
            }

            catCount[f] = count;
            for (var c = 0; c < count; c++)
            {
                catStart.Add(catNodes.Count);
                foreach (var (tree, n, clear) in nodes)
                {
                    if (tree.Next(n, c) == tree.RightChild[n])
                    {
                        catNodes.Add(clear);
                    }
                }
            }
        }

        numStart[featureCount] = numNodes.Count;
        nanStart[featureCount] = nanNodes.Count;
        catAllStart[featureCount] = catAll.Count;
        catStart.Add(catNodes.Count);
        return new BitvectorForest(trees.Length, outputs, numStart, [.. thresholds], [.. numNodes], nanStart, [.. nanNodes],
            catCount, catBase, [.. catStart], [.. catNodes], catAllStart, [.. catAll], [.. zero], leafStart, [.. leafValues], [.. leafIndex]);
    }

    // The size in bits of a categorical node's bitset.
    private static int Bits(DecisionTree tree, int node)
    {
        var c = (int)tree.Threshold[node];
        return (tree.CatBoundaries[c + 1] - tree.CatBoundaries[c]) * 32;
    }

    // Numbers the leaves under node n left to right; returns how many there are.
    private static int Number(DecisionTree tree, int n, ref int position, int[] firstLeaf, int[] leftLeaves, List<double> values, List<int> index)
    {
        if (n < 0)
        {
            values.Add(tree.LeafValue[~n]);
            index.Add(~n);
            position++;
            return 1;
        }

        firstLeaf[n] = position;
        var left = Number(tree, tree.LeftChild[n], ref position, firstLeaf, leftLeaves, values, index);
        leftLeaves[n] = left;
        return left + Number(tree, tree.RightChild[n], ref position, firstLeaf, leftLeaves, values, index);
    }

    /// <summary>Adds the row's tree outputs to <paramref name="output"/> (one per output), in model order.</summary>
    /// <param name="row">The row's features.</param>
    /// <param name="output">The sums, one per output (added to).</param>
    /// <param name="words">Room for <see cref="TreeCount"/> words.</param>
    public void AddRaw(ReadOnlySpan<double> row, Span<double> output, Span<ulong> words)
    {
        Leaves(row, words);
        ref var values = ref MemoryMarshal.GetArrayDataReference(_leafValues);
        ref var start = ref MemoryMarshal.GetArrayDataReference(_leafStart);
        if (_outputs == 1)
        {
            var sum = output[0];
            for (var t = 0; t < _trees; t++)
            {
                sum += Unsafe.Add(ref values, Unsafe.Add(ref start, t) + BitOperations.TrailingZeroCount(words[t]));
            }

            output[0] = sum;
        }
        else
        {
            for (var t = 0; t < _trees; t++)
            {
                output[t % _outputs] += Unsafe.Add(ref values, Unsafe.Add(ref start, t) + BitOperations.TrailingZeroCount(words[t]));
            }
        }
    }

    /// <summary>The LightGBM leaf index the row reaches in each tree.</summary>
    public void Leaves(ReadOnlySpan<double> row, Span<int> leaves, Span<ulong> words)
    {
        Leaves(row, words);
        for (var t = 0; t < _trees; t++)
        {
            leaves[t] = _leafIndex[_leafStart[t] + BitOperations.TrailingZeroCount(words[t])];
        }
    }

    // Each tree's word of leaves the row can still reach: the lowest bit is its leaf.
    private void Leaves(ReadOnlySpan<double> row, Span<ulong> words)
    {
        words = words[.._trees];
        words.Fill(ulong.MaxValue);
        ref var w = ref MemoryMarshal.GetReference(words);
        var features = _numStart.Length - 1;
        for (var f = 0; f < features; f++)
        {
            var x = row[f];
            if (double.IsNaN(x))
            {
                Clear(ref w, _nanNodes, _nanStart[f], _nanStart[f + 1]);
            }
            else
            {
                // The nodes with threshold < x send x right (x <= threshold goes left): a prefix of the sorted list.
                var from = _numStart[f];
                int lo = from, hi = _numStart[f + 1];
                while (lo < hi)
                {
                    var mid = (int)((uint)(lo + hi) >> 1);
                    if (_thresholds[mid] < x)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                Clear(ref w, _numNodes, from, lo);
            }

            var count = _catCount[f];
            if (count > 0)
            {
                // LightGBM truncates toward zero, so (-1, 0) is category 0.
                if (x > -1.0 && x < count)
                {
                    var c = _catBase[f] + (int)x;
                    Clear(ref w, _catNodes, _catStart[c], _catStart[c + 1]);
                }
                else
                {
                    Clear(ref w, _catAll, _catAllStart[f], _catAllStart[f + 1]);
                }
            }
        }

        foreach (var (tree, node, clear) in _zeroNodes)
        {
            if (tree.Next(node, row[tree.SplitFeature[node]]) == tree.RightChild[node])
            {
                Unsafe.Add(ref w, clear.Tree) &= clear.Mask;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Clear(ref ulong words, Node[] nodes, int from, int to)
    {
        ref var node = ref MemoryMarshal.GetArrayDataReference(nodes);
        for (var i = from; i < to; i++)
        {
            ref readonly var n = ref Unsafe.Add(ref node, i);
            Unsafe.Add(ref words, n.Tree) &= n.Mask;
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LaborMarket.Inference.Training;

/// <summary>A grown tree in LightGBM's layout, before shrinkage.</summary>
internal sealed class GrownTree
{
    public int NumLeaves { get; set; } = 1;
    public List<int> SplitFeature { get; } = [];
    public List<double> SplitGain { get; } = [];
    public List<double> Threshold { get; } = [];
    public List<int> ThresholdBin { get; } = [];
    public List<byte> DecisionType { get; } = [];
    public List<int> LeftChild { get; } = [];
    public List<int> RightChild { get; } = [];
    public List<double> InternalValue { get; } = [];
    public List<double> InternalWeight { get; } = [];
    public List<int> InternalCount { get; } = [];
    public List<double> LeafValue { get; } = [0];
    public List<double> LeafWeight { get; } = [0];
    public List<int> LeafCount { get; } = [0];
    public List<int> LeafParent { get; } = [-1];
    public List<int> LeafDepth { get; } = [0];
    public List<int> CatBoundaries { get; } = [0];
    public List<uint> CatThreshold { get; } = [];

    /// <summary>For categorical splits, the bins going left (by node); null for numerical ones.</summary>
    public List<bool[]?> LeftBins { get; } = [];

    public int NumCat => CatBoundaries.Count - 1;
}

/// <summary>
/// Grows one tree leaf-wise from gradients over binned features, as LightGBM's serial tree learner does:
/// histograms per leaf (the larger child by subtraction from its parent), the best split of the best leaf
/// first, numerical splits trying missing values on both sides, categorical splits one-vs-rest or by
/// ordered category statistics. Bins are stored row by row, so one row's features share a cache line when
/// histograms are built, and again column by column, so a partition reads one small array; histograms are
/// summed over a fixed number of chunks of rows on several threads and the chunks added in order, so results do
/// not depend on the thread count.
/// </summary>
internal sealed class TreeLearner
{
    private const int Block = 4_096;
    private readonly byte[] _bins; // row-major: _bins[row * features + feature]
    private readonly byte[] _columns; // column-major: _columns[feature * rows + row], for partitioning
    private readonly int _featureCount;
    private readonly FeatureBins[] _features;
    private readonly GbdtParameters _p;
    private readonly WorkerTeam _team;
    private const int Stride = 256; // bins per feature in a histogram (bins are bytes)
    private readonly int[] _indices;
    private readonly int[] _scratch;
    private readonly int[] _scratchRight;
    private readonly byte[] _goesLeft = new byte[256]; // per split: which side each bin of the split feature goes to
    private double[] _gh = []; // gradient and hessian of each row, side by side (one memory access per row), of the tree being grown
    private int _ghOffset; // where the class of the tree being grown starts in _gh

    public TreeLearner(byte[] bins, byte[] columns, FeatureBins[] features, int rows, GbdtParameters p, WorkerTeam team)
    {
        _bins = bins;
        _columns = columns;
        _featureCount = features.Length;
        _features = features;
        _p = p;
        _team = team;
        _indices = new int[rows];
        _scratch = new int[rows];
        _scratchRight = new int[rows];
    }

    /// <summary>Leaf ranges of <see cref="Indices"/> after <see cref="Grow"/>: rows of leaf i are Indices[Begin[i] .. Begin[i] + Count[i]].</summary>
    public int[] Begin { get; private set; } = [];

    public int[] Count { get; private set; } = [];

    public int[] Indices => _indices;

    private sealed class Split
    {
        public double Gain = double.NegativeInfinity;
        public int Feature = -1;
        public int Bin;
        public bool DefaultLeft;
        public bool[]? LeftBins; // categorical
        public double LeftG, LeftH, RightG, RightH;
        public int LeftC, RightC;
        public double LeftOutput, RightOutput;
    }

    /// <summary>
    /// Per bin: gradient sum and hessian sum side by side. Row counts are not summed: as in LightGBM, a count
    /// is the hessian times the leaf's rows per unit of hessian (exact when every hessian is 1).
    /// </summary>
    private sealed class Histogram(int size)
    {
        public double[] Data { get; } = new double[size * 2];

        public double G(int bin) => Data[bin * 2];

        public double H(int bin) => Data[(bin * 2) + 1];

        public void Clear() => Array.Clear(Data);

        public void Add(Histogram other)
        {
            var a = Data;
            var b = other.Data;
            for (var i = 0; i < a.Length; i++)
            {
                a[i] += b[i];
            }
        }

        public void Subtract(Histogram other)
        {
            var a = Data;
            var b = other.Data;
            for (var i = 0; i < a.Length; i++)
            {
                a[i] -= b[i];
            }
        }
    }

    /// <summary>
    /// Grows a tree on <paramref name="rows"/> with the gradient and hessian of a row at <c>gh[2 * (offset + row)]</c>
    /// and the next place.
    /// </summary>
    public GrownTree Grow(int[] rows, double[] gh, int offset, bool[] featureUsed)
    {
        _gh = gh;
        _ghOffset = 2 * offset;

        // The root's sums, per block (the blocks added in order: the same sum whatever the thread count).
        var blocks = (rows.Length + Block - 1) / Block;
        var blockSums = new (double G, double H)[blocks];
        var at = _ghOffset;
        _team.For(blocks, k =>
        {
            var end = Math.Min(rows.Length, (k + 1) * Block);
            double g = 0, h = 0;
            for (var i = k * Block; i < end; i++)
            {
                var r = at + (2 * rows[i]);
                g += gh[r];
                h += gh[r + 1];
            }

            blockSums[k] = (g, h);
        });

        var maxLeaves = _p.NumLeaves;
        var tree = new GrownTree();
        Begin = new int[maxLeaves];
        Count = new int[maxLeaves];
        rows.CopyTo(_indices);
        Count[0] = rows.Length;
        var hists = new Histogram?[maxLeaves];
        _rented = 0;
        var splits = new Split?[maxLeaves];
        var sums = new (double G, double H, int C)[maxLeaves];

        double rootG = 0, rootH = 0;
        foreach (var (g, h) in blockSums)
        {
            rootG += g;
            rootH += h;
        }

        sums[0] = (rootG, rootH, rows.Length);
        tree.LeafValue[0] = LeafOutput(rootG, rootH, 0);
        tree.LeafWeight[0] = rootH;
        tree.LeafCount[0] = rows.Length;
        hists[0] = Build(0);
        splits[0] = BestSplit(hists[0]!, sums[0], featureUsed, 0, tree);

        while (tree.NumLeaves < maxLeaves)
        {
            var best = -1;
            for (var l = 0; l < tree.NumLeaves; l++)
            {
                if (splits[l] is { Feature: >= 0 } s && s.Gain > _p.MinGainToSplit && (best < 0 || s.Gain > splits[best]!.Gain))
                {
                    best = l;
                }
            }

            if (best < 0)
            {
                break;
            }

            var split = splits[best]!;
            var right = tree.NumLeaves;
            ApplySplit(tree, best, split);
            Partition(best, right, split);
            sums[best] = (split.LeftG, split.LeftH, Count[best]);
            sums[right] = (split.RightG, split.RightH, Count[right]);
            tree.LeafCount[best] = Count[best];
            tree.LeafCount[right] = Count[right];

            // The smaller child's histogram is built; the larger one is the parent's minus it.
            var parent = hists[best]!;
            var smaller = Count[best] <= Count[right] ? best : right;
            var larger = smaller == best ? right : best;
            var built = Build(smaller);
            parent.Subtract(built);

            hists[smaller] = built;
            hists[larger] = parent;
            var depthOk = _p.MaxDepth <= 0 || tree.LeafDepth[best] < _p.MaxDepth;
            splits[best] = depthOk ? BestSplit(hists[best]!, sums[best], featureUsed, tree.LeafDepth[best], tree) : null;
            splits[right] = depthOk ? BestSplit(hists[right]!, sums[right], featureUsed, tree.LeafDepth[right], tree) : null;
        }

        return tree;
    }

    // Histograms are reused from tree to tree: one per leaf, and one per extra block of rows being summed.
    private readonly List<Histogram> _leafHistograms = [];
    private readonly List<Histogram> _blockHistograms = [];
    private int _rented;

    private Histogram Rent()
    {
        if (_rented == _leafHistograms.Count)
        {
            _leafHistograms.Add(new Histogram(_features.Length * Stride));
        }

        var h = _leafHistograms[_rented++];
        h.Clear();
        return h;
    }

    // A leaf's histogram is summed over a fixed number of chunks of its rows, on as many threads as are given, and
    // the chunks added in order: the sums do not depend on the thread count. Few large chunks keep the cost of
    // clearing and adding their histograms small next to the rows.
    private const int ChunkRows = 4_096;
    private const int MaxChunks = 16;

    private Histogram Build(int leaf)
    {
        var begin = Begin[leaf];
        var count = Count[leaf];
        var chunks = Math.Clamp(count / ChunkRows, 1, MaxChunks);
        var size = (count + chunks - 1) / chunks;
        var sparse = count * 3L < _indices.Length;
        var result = Rent();
        while (_blockHistograms.Count < chunks - 1)
        {
            _blockHistograms.Add(new Histogram(_features.Length * Stride));
        }

        if (chunks == 1)
        {
            Accumulate(result, begin, count, sparse);
            return result;
        }

        _team.For(chunks, k =>
        {
            var h = k == 0 ? result : _blockHistograms[k - 1];
            if (k > 0)
            {
                h.Clear();
            }

            var start = begin + (k * size);
            Accumulate(h, start, Math.Min(size, begin + count - start), sparse);
        });

        for (var k = 1; k < chunks; k++)
        {
            result.Add(_blockHistograms[k - 1]);
        }

        return result;
    }

    // Rows ahead whose bins and gradients are fetched while a sparse leaf's histogram is summed.
    private const int FetchAhead = 24;

    private void Accumulate(Histogram hist, int start, int count, bool sparse)
    {
        // The hottest loop of training. Bin values are bytes (< 256) and features < _featureCount, so every
        // index stays inside the histogram (features x Stride) and the bins array (rows x features): the checks the
        // runtime would repeat on each of the three writes per feature are left out.
        var f = _featureCount;
        ref var data = ref MemoryMarshal.GetArrayDataReference(hist.Data);
        ref var bins = ref MemoryMarshal.GetArrayDataReference(_bins);
        ref var gh = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_gh), _ghOffset);
        var rows = _indices.AsSpan(start, count);
        var i = 0;
        if (Sse.IsSupported && sparse)
        {
            // A leaf holding a small share of the rows (under a third) reads them far apart: each row's bins and
            // gradient would be a wait on memory. The processor is asked for them a few rows ahead (the sums are the same).
            for (; i + FetchAhead < rows.Length; i++)
            {
                var next = rows[i + FetchAhead];
                Fetch(ref Unsafe.Add(ref bins, (nint)next * f));
                Fetch(ref Unsafe.Add(ref gh, 2 * (nint)next));
                Add(ref data, ref bins, ref gh, rows[i], f);
            }
        }

        for (; i < rows.Length; i++)
        {
            Add(ref data, ref bins, ref gh, rows[i], f);
        }
    }

    // A row's gradient and hessian added to its bin of every feature, as one pair (the same two additions, in one instruction).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref double data, ref byte bins, ref double gh, int row, int f)
    {
        var pair = Vector128.LoadUnsafe(ref gh, 2 * (nuint)row);
        ref var rowBins = ref Unsafe.Add(ref bins, (nint)row * f);
        ref var feature = ref data;
        for (nint j = 0; j < f; j++)
        {
            ref var slot = ref Unsafe.Add(ref feature, (nint)Unsafe.Add(ref rowBins, j) * 2);
            (Vector128.LoadUnsafe(ref slot) + pair).StoreUnsafe(ref slot);
            feature = ref Unsafe.Add(ref feature, 2 * Stride);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Fetch<T>(ref T at) => Sse.Prefetch0(Unsafe.AsPointer(ref at));

    private Split? BestSplit(Histogram hist, (double G, double H, int C) total, bool[] featureUsed, int depth, GrownTree tree)
    {
        if (total.C < 2 * _p.MinDataInLeaf || total.H < 2 * _p.MinSumHessianInLeaf)
        {
            return null;
        }

        if (_p.MaxDepth > 0 && depth >= _p.MaxDepth)
        {
            return null;
        }

        var best = new Split();
        for (var f = 0; f < _features.Length; f++)
        {
            if (!featureUsed[f] || _features[f].TotalBins < 2)
            {
                continue;
            }

            if (_features[f].IsCategorical)
            {
                Categorical(hist, f, total, best);
            }
            else
            {
                Numerical(hist, f, total, best);
            }
        }

        return best.Feature < 0 ? null : best;
    }

    private void Numerical(Histogram hist, int f, (double G, double H, int C) total, Split best)
    {
        var bins = _features[f];
        var offset = f * Stride;
        var parentGain = Gain(total.G, total.H, 0);
        var missing = bins.HasMissingBin ? offset + bins.ValueBins : -1;
        var perHessian = total.C / total.H;
        var missingC = missing >= 0 ? Rows(hist.H(missing), perHessian) : 0;

        // Missing values right (or none), then, when there are some, missing values left.
        for (var pass = 0; pass < (missingC > 0 ? 2 : 1); pass++)
        {
            double lg = 0, lh = 0;
            var lc = 0;
            if (pass == 1)
            {
                lg = hist.G(missing);
                lh = hist.H(missing);
                lc = missingC;
            }

            for (var b = 0; b < bins.ValueBins - 1; b++)
            {
                lg += hist.G(offset + b);
                lh += hist.H(offset + b);
                lc = Rows(lh, perHessian);
                if (TooSmall(lc, lh))
                {
                    continue;
                }

                var rc = total.C - lc;
                var rh = total.H - lh;
                if (TooSmall(rc, rh))
                {
                    break;
                }

                var rg = total.G - lg;
                var gain = Gain(lg, lh, 0) + Gain(rg, rh, 0) - parentGain;
                if (gain > best.Gain)
                {
                    Set(best, f, b, pass == 1, null, lg, lh, lc, rg, rh, rc, gain, 0);
                }
            }
        }
    }

    private void Categorical(Histogram hist, int f, (double G, double H, int C) total, Split best)
    {
        var bins = _features[f];
        var offset = f * Stride;
        var used = bins.ValueBins;
        var perHessian = total.C / total.H;
        if (used <= _p.MaxCatToOnehot)
        {
            var parentGain = Gain(total.G, total.H, 0);
            for (var b = 0; b < used; b++)
            {
                var lh = hist.H(offset + b);
                var lc = Rows(lh, perHessian);
                var rc = total.C - lc;
                var rh = total.H - lh;
                if (TooSmall(lc, lh) || TooSmall(rc, rh))
                {
                    continue;
                }

                var lg = hist.G(offset + b);
                var rg = total.G - lg;
                var gain = Gain(lg, lh, 0) + Gain(rg, rh, 0) - parentGain;
                if (gain > best.Gain)
                {
                    var left = new bool[used];
                    left[b] = true;
                    Set(best, f, 0, false, left, lg, lh, lc, rg, rh, rc, gain, 0);
                }
            }

            return;
        }

        // Categories ordered by their smoothed mean gradient; the best prefix from either end goes left.
        var extra = _p.CatL2;
        var parent = Gain(total.G, total.H, extra);
        var candidates = new List<int>();
        for (var b = 0; b < used; b++)
        {
            if (Rows(hist.H(offset + b), perHessian) >= _p.CatSmooth)
            {
                candidates.Add(b);
            }
        }

        candidates.Sort((x, y) =>
        {
            var cx = hist.G(offset + x) / (hist.H(offset + x) + _p.CatSmooth);
            var cy = hist.G(offset + y) / (hist.H(offset + y) + _p.CatSmooth);
            return cx != cy ? cx.CompareTo(cy) : x.CompareTo(y);
        });
        var maxCats = Math.Min(_p.MaxCatThreshold, (candidates.Count + 1) / 2);
        for (var dir = 0; dir < 2; dir++)
        {
            double lg = 0, lh = 0;
            var lc = 0;
            var group = 0;
            for (var i = 0; i < maxCats && i < candidates.Count; i++)
            {
                var b = candidates[dir == 0 ? i : candidates.Count - 1 - i];
                lg += hist.G(offset + b);
                lh += hist.H(offset + b);
                var binRows = Rows(hist.H(offset + b), perHessian);
                lc += binRows;
                group += binRows;
                if (TooSmall(lc, lh))
                {
                    continue;
                }

                var rc = total.C - lc;
                var rh = total.H - lh;
                if (TooSmall(rc, rh))
                {
                    break;
                }

                if (group < _p.MinDataPerGroup)
                {
                    continue;
                }

                group = 0;
                var rg = total.G - lg;
                var gain = Gain(lg, lh, extra) + Gain(rg, rh, extra) - parent;
                if (gain > best.Gain)
                {
                    var left = new bool[used];
                    for (var k = 0; k <= i; k++)
                    {
                        left[candidates[dir == 0 ? k : candidates.Count - 1 - k]] = true;
                    }

                    Set(best, f, 0, false, left, lg, lh, lc, rg, rh, rc, gain, extra);
                }
            }
        }
    }

    // A side of a split needs min_data_in_leaf rows and min_sum_hessian_in_leaf hessian.
    private bool TooSmall(int rows, double hessian) => rows < _p.MinDataInLeaf || hessian < _p.MinSumHessianInLeaf;

    private static int Rows(double hessian, double rowsPerHessian) => (int)Math.Round(hessian * rowsPerHessian);

    private void Set(Split s, int f, int bin, bool defaultLeft, bool[]? left, double lg, double lh, int lc, double rg, double rh, int rc, double gain, double extraL2)
    {
        s.Gain = gain;
        s.Feature = f;
        s.Bin = bin;
        s.DefaultLeft = defaultLeft;
        s.LeftBins = left;
        s.LeftG = lg;
        s.LeftH = lh;
        s.LeftC = lc;
        s.RightG = rg;
        s.RightH = rh;
        s.RightC = rc;
        s.LeftOutput = LeafOutput(lg, lh, extraL2);
        s.RightOutput = LeafOutput(rg, rh, extraL2);
    }

    private double ThresholdL1(double g) => _p.LambdaL1 <= 0 ? g : Math.Sign(g) * Math.Max(0, Math.Abs(g) - _p.LambdaL1);

    private double Gain(double g, double h, double extraL2)
    {
        var t = ThresholdL1(g);
        return t * t / (h + _p.LambdaL2 + extraL2);
    }

    private double LeafOutput(double g, double h, double extraL2) => -ThresholdL1(g) / (h + _p.LambdaL2 + extraL2);

    private void ApplySplit(GrownTree tree, int leaf, Split s)
    {
        var node = tree.NumLeaves - 1;
        var newLeaf = tree.NumLeaves;
        var parent = tree.LeafParent[leaf];
        if (parent >= 0)
        {
            if (tree.LeftChild[parent] == ~leaf)
            {
                tree.LeftChild[parent] = node;
            }
            else
            {
                tree.RightChild[parent] = node;
            }
        }

        var bins = _features[s.Feature];
        tree.SplitFeature.Add(s.Feature);
        tree.SplitGain.Add(s.Gain);
        tree.ThresholdBin.Add(s.Bin);
        tree.LeftBins.Add(s.LeftBins);
        if (s.LeftBins is { } left)
        {
            // Categorical: bit c set = category c goes left; NaN and others go right (missing type NaN).
            var cats = Enumerable.Range(0, left.Length).Where(b => left[b]).Select(b => bins.Categories[b]).ToArray();
            var words = (cats.Max() / 32) + 1;
            var bits = new uint[words];
            foreach (var c in cats)
            {
                bits[c / 32] |= 1u << (c % 32);
            }

            tree.Threshold.Add(tree.NumCat);
            tree.CatThreshold.AddRange(bits);
            tree.CatBoundaries.Add(tree.CatThreshold.Count);
            tree.DecisionType.Add((byte)(1 | (2 << 2)));
        }
        else
        {
            tree.Threshold.Add(bins.Threshold(s.Bin));
            var missingType = bins.HasMissingBin ? 2 : 0;
            tree.DecisionType.Add((byte)((s.DefaultLeft ? 2 : 0) | (missingType << 2)));
        }

        tree.LeftChild.Add(~leaf);
        tree.RightChild.Add(~newLeaf);
        tree.InternalValue.Add(tree.LeafValue[leaf]);
        tree.InternalWeight.Add(s.LeftH + s.RightH);
        tree.InternalCount.Add(s.LeftC + s.RightC);
        var depth = tree.LeafDepth[leaf] + 1;
        tree.LeafParent[leaf] = node;
        tree.LeafDepth[leaf] = depth;
        tree.LeafValue[leaf] = s.LeftOutput;
        tree.LeafWeight[leaf] = s.LeftH;
        tree.LeafCount[leaf] = s.LeftC;
        tree.LeafParent.Add(node);
        tree.LeafDepth.Add(depth);
        tree.LeafValue.Add(s.RightOutput);
        tree.LeafWeight.Add(s.RightH);
        tree.LeafCount.Add(s.RightC);
        tree.NumLeaves++;
    }

    /// <summary>
    /// Splits a leaf's rows in place, left rows first, each side in its original order: blocks of rows are
    /// sorted on several threads, then laid back block after block.
    /// </summary>
    private void Partition(int leaf, int right, Split s)
    {
        var begin = Begin[leaf];
        var count = Count[leaf];
        var blocks = (count + Block - 1) / Block;
        var lefts = new int[blocks];
        var rights = new int[blocks];

        // Which side each bin of the split feature goes to (1 = left).
        var goesLeft = _goesLeft;
        var bins = _features[s.Feature];
        var missingBin = bins.HasMissingBin ? bins.ValueBins : -1;
        for (var b = 0; b < goesLeft.Length; b++)
        {
            var left = s.LeftBins is { } leftBins ? b < leftBins.Length && leftBins[b] : b == missingBin ? s.DefaultLeft : b <= s.Bin;
            goesLeft[b] = left ? (byte)1 : (byte)0;
        }

        var feature = s.Feature;
        _team.For(blocks, k =>
        {
            var start = begin + (k * Block);
            var end = Math.Min(begin + count, start + Block);
            (lefts[k], rights[k]) = SplitBlock(goesLeft, feature, start, end);
        });

        // Each block's rows go to their place (left rows of all blocks in order, then right rows), blocks in parallel.
        var leftAt = new int[blocks];
        var rightAt = new int[blocks];
        var l = begin;
        for (var k = 0; k < blocks; k++)
        {
            leftAt[k] = l;
            l += lefts[k];
        }

        var r = l;
        for (var k = 0; k < blocks; k++)
        {
            rightAt[k] = r;
            r += rights[k];
        }

        _team.For(blocks, k =>
        {
            _scratch.AsSpan(begin + (k * Block), lefts[k]).CopyTo(_indices.AsSpan(leftAt[k]));
            _scratchRight.AsSpan(begin + (k * Block), rights[k]).CopyTo(_indices.AsSpan(rightAt[k]));
        });

        Count[leaf] = l - begin;
        Begin[right] = l;
        Count[right] = r - l;
    }

    private (int Left, int Right) SplitBlock(byte[] goesLeft, int feature, int start, int end)
    {
        // Without a branch on the data: each row is written to both sides and only the side it belongs to
        // advances (a left/right branch would be mispredicted about half the time).
        ref var column = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_columns), (nint)feature * _indices.Length);
        ref var table = ref MemoryMarshal.GetArrayDataReference(goesLeft);
        var lefts = _scratch.AsSpan(start, end - start);
        var rights = _scratchRight.AsSpan(start, end - start);
        var l = 0;
        var r = 0;
        foreach (var row in _indices.AsSpan(start, end - start))
        {
            int left = Unsafe.Add(ref table, Unsafe.Add(ref column, row));
            lefts[l] = row;
            rights[r] = row;
            l += left;
            r += 1 - left;
        }

        return (l, r);
    }
}

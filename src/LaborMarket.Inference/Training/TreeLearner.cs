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
/// ordered category statistics. Histograms are built feature by feature on several threads; each feature's
/// sums run in row order, so results do not depend on the thread count.
/// </summary>
internal sealed class TreeLearner
{
    private readonly byte[][] _bins; // column-major: _bins[feature][row]
    private readonly FeatureBins[] _features;
    private readonly GbdtParameters _p;
    private readonly ParallelOptions _parallel;
    private readonly int _stride;
    private readonly int[] _indices;
    private readonly int[] _scratch;
    private readonly double[] _orderedGrad;
    private readonly double[] _orderedHess;

    public TreeLearner(byte[][] bins, FeatureBins[] features, int rows, GbdtParameters p, ParallelOptions parallel)
    {
        _bins = bins;
        _features = features;
        _p = p;
        _parallel = parallel;
        _stride = 256;
        _indices = new int[rows];
        _scratch = new int[rows];
        _orderedGrad = new double[rows];
        _orderedHess = new double[rows];
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

    private sealed class Histogram(int size)
    {
        public double[] G { get; } = new double[size];
        public double[] H { get; } = new double[size];
        public int[] C { get; } = new int[size];
    }

    public GrownTree Grow(ReadOnlySpan<int> rows, double[] grad, double[] hess, bool[] featureUsed)
    {
        var maxLeaves = _p.NumLeaves;
        var tree = new GrownTree();
        Begin = new int[maxLeaves];
        Count = new int[maxLeaves];
        rows.CopyTo(_indices);
        Count[0] = rows.Length;
        var hists = new Histogram?[maxLeaves];
        var splits = new Split?[maxLeaves];
        var sums = new (double G, double H, int C)[maxLeaves];

        double rootG = 0, rootH = 0;
        foreach (var r in rows)
        {
            rootG += grad[r];
            rootH += hess[r];
        }

        sums[0] = (rootG, rootH, rows.Length);
        tree.LeafValue[0] = LeafOutput(rootG, rootH, 0);
        tree.LeafWeight[0] = rootH;
        tree.LeafCount[0] = rows.Length;
        hists[0] = Build(0, grad, hess);
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
            sums[best] = (split.LeftG, split.LeftH, split.LeftC);
            sums[right] = (split.RightG, split.RightH, split.RightC);

            // The smaller child's histogram is built; the larger one is the parent's minus it.
            var parent = hists[best]!;
            var smaller = Count[best] <= Count[right] ? best : right;
            var larger = smaller == best ? right : best;
            var built = Build(smaller, grad, hess);
            for (var i = 0; i < parent.G.Length; i++)
            {
                parent.G[i] -= built.G[i];
                parent.H[i] -= built.H[i];
                parent.C[i] -= built.C[i];
            }

            hists[smaller] = built;
            hists[larger] = parent;
            var depthOk = _p.MaxDepth <= 0 || tree.LeafDepth[best] < _p.MaxDepth;
            splits[best] = depthOk ? BestSplit(hists[best]!, sums[best], featureUsed, tree.LeafDepth[best], tree) : null;
            splits[right] = depthOk ? BestSplit(hists[right]!, sums[right], featureUsed, tree.LeafDepth[right], tree) : null;
        }

        return tree;
    }

    private Histogram Build(int leaf, double[] grad, double[] hess)
    {
        var begin = Begin[leaf];
        var count = Count[leaf];
        var rows = _indices.AsSpan(begin, count);
        for (var i = 0; i < rows.Length; i++)
        {
            _orderedGrad[begin + i] = grad[rows[i]];
            _orderedHess[begin + i] = hess[rows[i]];
        }

        var hist = new Histogram(_features.Length * _stride);
        Parallel.For(0, _features.Length, _parallel, f =>
        {
            var column = _bins[f];
            var offset = f * _stride;
            var g = hist.G;
            var h = hist.H;
            var c = hist.C;
            var idx = _indices;
            for (var i = begin; i < begin + count; i++)
            {
                var b = offset + column[idx[i]];
                g[b] += _orderedGrad[i];
                h[b] += _orderedHess[i];
                c[b]++;
            }
        });
        return hist;
    }

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
        var offset = f * _stride;
        var parentGain = Gain(total.G, total.H, 0);
        var missing = bins.HasMissingBin ? offset + bins.ValueBins : -1;
        var missingC = missing >= 0 ? hist.C[missing] : 0;

        // Missing values right (or none), then, when there are some, missing values left.
        for (var pass = 0; pass < (missingC > 0 ? 2 : 1); pass++)
        {
            double lg = 0, lh = 0;
            var lc = 0;
            if (pass == 1)
            {
                lg = hist.G[missing];
                lh = hist.H[missing];
                lc = missingC;
            }

            for (var b = 0; b < bins.ValueBins - 1; b++)
            {
                lg += hist.G[offset + b];
                lh += hist.H[offset + b];
                lc += hist.C[offset + b];
                if (lc < _p.MinDataInLeaf || lh < _p.MinSumHessianInLeaf)
                {
                    continue;
                }

                var rc = total.C - lc;
                var rh = total.H - lh;
                if (rc < _p.MinDataInLeaf || rh < _p.MinSumHessianInLeaf)
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
        var offset = f * _stride;
        var used = bins.ValueBins;
        if (used <= _p.MaxCatToOnehot)
        {
            var parentGain = Gain(total.G, total.H, 0);
            for (var b = 0; b < used; b++)
            {
                var lc = hist.C[offset + b];
                var lh = hist.H[offset + b];
                var rc = total.C - lc;
                var rh = total.H - lh;
                if (lc < _p.MinDataInLeaf || lh < _p.MinSumHessianInLeaf || rc < _p.MinDataInLeaf || rh < _p.MinSumHessianInLeaf)
                {
                    continue;
                }

                var lg = hist.G[offset + b];
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
            if (hist.C[offset + b] >= _p.CatSmooth)
            {
                candidates.Add(b);
            }
        }

        candidates.Sort((x, y) =>
        {
            var cx = hist.G[offset + x] / (hist.H[offset + x] + _p.CatSmooth);
            var cy = hist.G[offset + y] / (hist.H[offset + y] + _p.CatSmooth);
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
                lg += hist.G[offset + b];
                lh += hist.H[offset + b];
                lc += hist.C[offset + b];
                group += hist.C[offset + b];
                if (lc < _p.MinDataInLeaf || lh < _p.MinSumHessianInLeaf)
                {
                    continue;
                }

                var rc = total.C - lc;
                var rh = total.H - lh;
                if (rc < _p.MinDataInLeaf || rh < _p.MinSumHessianInLeaf)
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

    /// <summary>Splits a leaf's rows in place, left rows first, each side in its original order.</summary>
    private void Partition(int leaf, int right, Split s)
    {
        var begin = Begin[leaf];
        var count = Count[leaf];
        var column = _bins[s.Feature];
        var bins = _features[s.Feature];
        var missingBin = bins.HasMissingBin ? bins.ValueBins : -1;
        var l = begin;
        var r = 0;
        for (var i = begin; i < begin + count; i++)
        {
            var row = _indices[i];
            int b = column[row];
            bool goesLeft;
            if (s.LeftBins is { } left)
            {
                goesLeft = b < left.Length && left[b];
            }
            else
            {
                goesLeft = b == missingBin ? s.DefaultLeft : b <= s.Bin;
            }

            if (goesLeft)
            {
                _indices[l++] = row;
            }
            else
            {
                _scratch[r++] = row;
            }
        }

        _scratch.AsSpan(0, r).CopyTo(_indices.AsSpan(l));
        Count[leaf] = l - begin;
        Begin[right] = l;
        Count[right] = r;
    }
}

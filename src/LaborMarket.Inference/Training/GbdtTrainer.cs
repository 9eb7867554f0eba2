using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Training;

/// <summary>
/// Trains gradient-boosted trees in pure managed code, the way LightGBM does (histogram GBDT, leaf-wise growth)
/// and with its parameter names, and writes the model in LightGBM's text format. Deterministic for a seed,
/// whatever the number of threads.
/// </summary>
public sealed class GbdtTrainer : IGbdtTrainer
{
    private GbdtTrainer()
    {
    }

    /// <summary>The managed trainer as an <see cref="IGbdtTrainer"/> (the seed models' default).</summary>
    public static GbdtTrainer Default { get; } = new();

    /// <summary>Trains a model.</summary>
    /// <param name="train">The training rows.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="validation">Rows to watch for early stopping (same features), or null.</param>
    /// <param name="progress">Told the iteration just finished, or null.</param>
    /// <param name="cancellationToken">Cancels training between iterations.</param>
    /// <exception cref="ArgumentException">Bad parameters, unknown categorical features, or labels the objective cannot take (naming the row).</exception>
    public static TrainingResult Train(TrainingSet train, GbdtParameters parameters, TrainingSet? validation = null,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        if (p.Objective == TrainingObjective.Multiclass && p.NumClass == 1 && train.RowCount > 0)
        {
            p = p with { NumClass = ClassCount(train.LabelArray) };
        }

        if (p.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        if (train.RowCount == 0)
        {
            throw new ArgumentException("no training rows", nameof(train));
        }

        if (validation is not null && !validation.FeatureNames.SequenceEqual(train.FeatureNames))
        {
            throw new ArgumentException("the validation rows' features differ from the training rows'", nameof(validation));
        }

        var names = train.FeatureNames.ToArray();
        foreach (var c in p.CategoricalFeatures)
        {
            if (Array.IndexOf(names, c) < 0)
            {
                throw new ArgumentException($"categorical feature '{c}' is not a feature ({string.Join(", ", names)})", nameof(parameters));
            }
        }

        var objective = Objective.For(p);
        objective.CheckLabels(train.LabelArray);
        var n = train.RowCount;
        var f = train.FeatureCount;
        using var team = new WorkerTeam(p.NumThreads > 0 ? p.NumThreads : Environment.ProcessorCount, cancellationToken);

        // Bin each feature (from up to 200,000 rows, as LightGBM samples), then store the bins row by row (for
        // histograms) and column by column (for partitions).
        var sample = SampleRows(n, 200_000, p.Seed);
        var bins = new FeatureBins[f];
        var rowBins = new byte[n * f];
        var columnBins = new byte[n * f];
        team.For(f, j =>
        {
            var values = new double[sample.Length];
            for (var i = 0; i < sample.Length; i++)
            {
                values[i] = train.Values[(sample[i] * f) + j];
            }

            bins[j] = p.CategoricalFeatures.Contains(names[j]) ? FeatureBins.Categorical(values) : FeatureBins.Numerical(values, p.MaxBin, p.MinDataInBin);
            var column = columnBins.AsSpan(j * n, n);
            var feature = bins[j];
            for (var i = 0; i < n; i++)
            {
                column[i] = feature.Bin(train.Values[(i * f) + j]);
            }
        });

        // The row-by-row copy made from the columns by blocks of rows (threads writing one feature each into the
        // same rows would share cache lines).
        const int copyRows = 65_536;
        team.For((n + copyRows - 1) / copyRows, b =>
        {
            var end = Math.Min(n, (b + 1) * copyRows);
            for (var j = 0; j < f; j++)
            {
                var column = columnBins.AsSpan(j * n, n);
                for (var i = b * copyRows; i < end; i++)
                {
                    rowBins[(i * f) + j] = column[i];
                }
            }
        });

        var k = objective.Classes;
        var labels = train.LabelArray;
        var scores = new double[k * n];
        var init = new double[k];
        for (var c = 0; c < k; c++)
        {
            init[c] = p.BoostFromAverage ? objective.InitScore(labels, c) : 0;
            Array.Fill(scores, init[c], c * n, n);
        }

        var validScores = validation is null ? null : new double[k * validation.RowCount];
        if (validScores is not null)
        {
            for (var c = 0; c < k; c++)
            {
                Array.Fill(validScores, init[c], c * validation!.RowCount, validation.RowCount);
            }
        }

        var learner = new TreeLearner(rowBins, columnBins, bins, n, p, team);
        var gh = new double[2 * k * n]; // gradient and hessian of each row side by side, class after class
        var trees = new List<GrownTree>();
        var shrink = new List<double>();
        var history = new List<double>();
        var bestIteration = 0;
        var bestMetric = double.PositiveInfinity;
        var bag = Enumerable.Range(0, n).ToArray();
        var inBag = new bool[n];
        Array.Fill(inBag, true);
        var bagging = p.BaggingFreq > 0 && p.BaggingFraction < 1;
        var featureUsed = new bool[f];
        var featureRandom = new Random(p.Seed * 2 + 1);

        for (var iteration = 0; iteration < p.NumIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (bagging && iteration % p.BaggingFreq == 0)
            {
                var random = new Random(p.Seed + (iteration * 7919));
                Array.Fill(inBag, false);
                bag = Enumerable.Range(0, n).Where(_ => random.NextDouble() < p.BaggingFraction).ToArray();
                foreach (var r in bag)
                {
                    inBag[r] = true;
                }
            }

            Array.Fill(featureUsed, p.FeatureFraction >= 1);
            if (p.FeatureFraction < 1)
            {
                var take = Math.Max(1, (int)Math.Round(f * p.FeatureFraction));
                foreach (var j in Enumerable.Range(0, f).OrderBy(_ => featureRandom.Next()).Take(take))
                {
                    featureUsed[j] = true;
                }
            }

            objective.Gradients(labels, scores, gh, team);
            var grown = new GrownTree[k];
            for (var c = 0; c < k; c++)
            {
                var tree = learner.Grow(bag, gh, c * n, featureUsed);
                if (objective.RenewsLeaves)
                {
                    RenewQuantileLeaves(tree, learner, labels, scores.AsSpan(c * n, n), p.Alpha);
                }

                for (var l = 0; l < tree.NumLeaves; l++)
                {
                    tree.LeafValue[l] *= p.LearningRate;
                }

                for (var i = 0; i < tree.InternalValue.Count; i++)
                {
                    tree.InternalValue[i] *= p.LearningRate;
                }

                // Scores of in-bag rows by leaf range (each row in one leaf: leaves in parallel); out-of-bag rows walk the tree.
                var classOffset = c * n;
                team.For(tree.NumLeaves, l =>
                {
                    var value = tree.LeafValue[l];
                    var leafScores = scores.AsSpan(classOffset, n);
                    foreach (var r in learner.Indices.AsSpan(learner.Begin[l], learner.Count[l]))
                    {
                        leafScores[r] += value;
                    }
                });

                var classScores = scores.AsSpan(classOffset, n);
                if (bag.Length < n)
                {
                    for (var r = 0; r < n; r++)
                    {
                        if (!inBag[r])
                        {
                            classScores[r] += tree.LeafValue[LeafOfBinnedRow(tree, rowBins, bins, r)];
                        }
                    }
                }

                grown[c] = tree;
            }

            var noSplit = grown.All(t => t.NumLeaves == 1);
            if (noSplit && iteration > 0)
            {
                break; // no leaf can split any more: further trees would all be constant
            }

            if (iteration == 0)
            {
                for (var c = 0; c < k; c++)
                {
                    for (var l = 0; l < grown[c].NumLeaves; l++)
                    {
                        grown[c].LeafValue[l] += init[c];
                    }

                    for (var i = 0; i < grown[c].InternalValue.Count; i++)
                    {
                        grown[c].InternalValue[i] += init[c];
                    }
                }
            }

            foreach (var t in grown)
            {
                trees.Add(t);
                shrink.Add(iteration == 0 && noSplit ? 1 : p.LearningRate);
            }

            if (validation is not null)
            {
                var vn = validation.RowCount;
                for (var c = 0; c < k; c++)
                {
                    var t = ToDecisionTree(grown[c]);
                    for (var r = 0; r < vn; r++)
                    {
                        validScores![(c * vn) + r] += t.Output(validation.Row(r)) - (iteration == 0 ? init[c] : 0);
                    }
                }

                var metric = objective.Metric(validation.LabelArray, validScores!);
                history.Add(metric);
                if (metric < bestMetric)
                {
                    bestMetric = metric;
                    bestIteration = iteration + 1;
                }
                else if (p.EarlyStoppingRounds > 0 && iteration + 1 - bestIteration >= p.EarlyStoppingRounds)
                {
                    break;
                }
            }
            else
            {
                bestIteration = iteration + 1;
            }

            progress?.Report(iteration + 1);
            if (noSplit)
            {
                break;
            }
        }

        if (p.EarlyStoppingRounds <= 0 || validation is null)
        {
            bestIteration = trees.Count / k;
        }

        var kept = trees.Take(bestIteration * k).ToList();
        var text = ModelTextWriter.Write(kept, shrink.Take(kept.Count).ToList(), names, bins, p, k);
        var model = LightGbmModel.Parse(new StringReader(text), "trained model");
        return new TrainingResult(model, text, bestIteration, validation is null ? null : objective.MetricName, history);
    }


    // num_class left out: the labels are classes 0..K-1, so K is the largest + 1. Labels that are not classes are left
    // for the objective's label check to name; a label so large it would make a huge model asks for num_class instead.
    private const int MaxClassesFromLabels = 10_000;

    private static int ClassCount(double[] labels)
    {
        var max = 0.0;
        foreach (var label in labels)
        {
            if (label >= 0 && label == Math.Floor(label))
            {
                max = Math.Max(max, label);
            }
        }

        return max < 1 ? throw new ArgumentException("multiclass needs at least 2 classes; the labels hold only class 0", nameof(labels))
            : max < MaxClassesFromLabels ? (int)max + 1
            : throw new ArgumentException($"the largest label is {max}: give num_class for a multiclass model with that many classes", nameof(labels));
    }
    private static int[] SampleRows(int n, int max, int seed)
    {
        if (n <= max)
        {
            return Enumerable.Range(0, n).ToArray();
        }

        var random = new Random(seed);
        var picked = new HashSet<int>();
        while (picked.Count < max)
        {
            picked.Add(random.Next(n));
        }

        return picked.Order().ToArray();
    }

    /// <summary>Quantile leaves take the alpha-quantile of their rows' residuals (LightGBM's leaf renewal).</summary>
    private static void RenewQuantileLeaves(GrownTree tree, TreeLearner learner, double[] labels, Span<double> scores, double alpha)
    {
        for (var l = 0; l < tree.NumLeaves; l++)
        {
            var rows = learner.Indices.AsSpan(learner.Begin[l], learner.Count[l]);
            if (rows.Length == 0)
            {
                continue;
            }

            var residuals = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                residuals[i] = labels[rows[i]] - scores[rows[i]];
            }

            tree.LeafValue[l] = Objective.Percentile(residuals, alpha);
        }
    }

    private static int LeafOfBinnedRow(GrownTree tree, byte[] rowBins, FeatureBins[] bins, int row)
    {
        if (tree.NumLeaves == 1)
        {
            return 0;
        }

        var node = 0;
        while (node >= 0)
        {
            var feature = tree.SplitFeature[node];
            int b = rowBins[(row * bins.Length) + feature];
            bool left;
            if (tree.LeftBins[node] is { } leftBins)
            {
                left = b < leftBins.Length && leftBins[b];
            }
            else
            {
                left = bins[feature].HasMissingBin && b == bins[feature].ValueBins ? (tree.DecisionType[node] & 2) != 0 : b <= tree.ThresholdBin[node];
            }

            node = left ? tree.LeftChild[node] : tree.RightChild[node];
        }

        return ~node;
    }

    private static DecisionTree ToDecisionTree(GrownTree t) => new()
    {
        NumLeaves = t.NumLeaves,
        SplitFeature = t.SplitFeature.ToArray(),
        Threshold = t.Threshold.ToArray(),
        DecisionType = t.DecisionType.ToArray(),
        LeftChild = t.LeftChild.ToArray(),
        RightChild = t.RightChild.ToArray(),
        LeafValue = t.LeafValue.ToArray(),
        CatBoundaries = t.CatBoundaries.ToArray(),
        CatThreshold = t.CatThreshold.ToArray(),
        LeafCount = t.LeafCount.Select(c => (double)c).ToArray(),
        InternalCount = t.InternalCount.Select(c => (double)c).ToArray(),
    };

    /// <inheritdoc/>
    TrainingResult IGbdtTrainer.Train(TrainingSet train, GbdtParameters parameters, TrainingSet? validation, CancellationToken cancellationToken) =>
        Train(train, parameters, validation, null, cancellationToken);
}

namespace LaborMarket.Inference.Training;

/// <summary>Gradients, starting scores and the validation metric of one training objective, as LightGBM defines them.</summary>
internal abstract class Objective
{
    public virtual int Classes => 1;

    public virtual bool RenewsLeaves => false;

    public abstract string MetricName { get; }

    public static Objective For(GbdtParameters p) => p.Objective switch
    {
        TrainingObjective.Regression => new L2(),
        TrainingObjective.Quantile => new Quantile(p.Alpha),
        TrainingObjective.Binary => new Binary(),
        TrainingObjective.Poisson => new Poisson(p.PoissonMaxDeltaStep),
        _ => new Multiclass(p.NumClass),
    };

    public virtual void CheckLabels(double[] labels)
    {
        for (var i = 0; i < labels.Length; i++)
        {
            if (!double.IsFinite(labels[i]) || !Accepts(labels[i]))
            {
                throw new ArgumentException($"row {i + 1}: label {labels[i]} is not valid for {MetricName} ({LabelRule})");
            }
        }
    }

    protected virtual bool Accepts(double label) => true;

    protected virtual string LabelRule => "a finite number";

    public abstract double InitScore(double[] labels, int classIndex);

    /// <summary>
    /// Gradients and hessians for every row, side by side (gradient at 2i, hessian at 2i + 1; class-major for several
    /// classes): the layout histograms read, so no copy is made.
    /// </summary>
    public void Gradients(double[] labels, double[] scores, double[] gh, WorkerTeam team)
    {
        var n = labels.Length;
        const int chunk = 16_384;
        team.For((n + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(n, (c + 1) * chunk);
            for (var i = c * chunk; i < end; i++)
            {
                Gradient(labels, scores, gh, i, n);
            }
        });
    }

    protected abstract void Gradient(double[] labels, double[] scores, double[] gh, int i, int n);

    /// <summary>The validation metric (lower is better).</summary>
    public abstract double Metric(double[] labels, double[] scores);

    /// <summary>LightGBM's percentile: linear interpolation between order statistics.</summary>
    public static double Percentile(double[] values, double alpha)
    {
        if (values.Length == 1)
        {
            return values[0];
        }

        Array.Sort(values);
        var position = alpha * (values.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(values.Length - 1, lower + 1);
        return values[lower] + ((values[upper] - values[lower]) * (position - lower));
    }

    private sealed class L2 : Objective
    {
        public override string MetricName => "l2";

        public override double InitScore(double[] labels, int classIndex) => labels.Average();

        protected override void Gradient(double[] labels, double[] scores, double[] gh, int i, int n)
        {
            gh[2 * i] = scores[i] - labels[i];
            gh[(2 * i) + 1] = 1;
        }

        public override double Metric(double[] labels, double[] scores)
        {
            var sum = 0.0;
            for (var i = 0; i < labels.Length; i++)
            {
                var d = scores[i] - labels[i];
                sum += d * d;
            }

            return sum / labels.Length;
        }
    }

    private sealed class Quantile(double alpha) : Objective
    {
        public override string MetricName => "quantile";

        public override bool RenewsLeaves => true;

        public override double InitScore(double[] labels, int classIndex) => Percentile((double[])labels.Clone(), alpha);

        protected override void Gradient(double[] labels, double[] scores, double[] gh, int i, int n)
        {
            gh[2 * i] = scores[i] - labels[i] >= 0 ? 1 - alpha : -alpha;
            gh[(2 * i) + 1] = 1;
        }

        public override double Metric(double[] labels, double[] scores)
        {
            var sum = 0.0;
            for (var i = 0; i < labels.Length; i++)
            {
                var d = labels[i] - scores[i];
                sum += d >= 0 ? alpha * d : (alpha - 1) * d;
            }

            return sum / labels.Length;
        }
    }

    private sealed class Binary : Objective
    {
        public override string MetricName => "binary_logloss";

        protected override bool Accepts(double label) => label is 0 or 1;

        protected override string LabelRule => "0 or 1";

        public override double InitScore(double[] labels, int classIndex)
        {
            var mean = Math.Clamp(labels.Average(), 1e-15, 1 - 1e-15);
            return Math.Log(mean / (1 - mean));
        }

        protected override void Gradient(double[] labels, double[] scores, double[] gh, int i, int n)
        {
            var prob = 1 / (1 + Math.Exp(-scores[i]));
            gh[2 * i] = prob - labels[i];
            gh[(2 * i) + 1] = Math.Max(prob * (1 - prob), 1e-16);
        }

        public override double Metric(double[] labels, double[] scores)
        {
            var sum = 0.0;
            for (var i = 0; i < labels.Length; i++)
            {
                var prob = Math.Clamp(1 / (1 + Math.Exp(-scores[i])), 1e-15, 1 - 1e-15);
                sum -= labels[i] == 1 ? Math.Log(prob) : Math.Log(1 - prob);
            }

            return sum / labels.Length;
        }
    }

    private sealed class Poisson(double maxDeltaStep) : Objective
    {
        public override string MetricName => "poisson";

        protected override bool Accepts(double label) => label >= 0;

        protected override string LabelRule => "a count, 0 or more";

        public override double InitScore(double[] labels, int classIndex) => Math.Log(Math.Max(labels.Average(), 1e-10));

        protected override void Gradient(double[] labels, double[] scores, double[] gh, int i, int n)
        {
            var mu = Math.Exp(scores[i]);
            gh[2 * i] = mu - labels[i];
            gh[(2 * i) + 1] = Math.Exp(scores[i] + maxDeltaStep);
        }

        public override double Metric(double[] labels, double[] scores)
        {
            var sum = 0.0;
            for (var i = 0; i < labels.Length; i++)
            {
                sum += Math.Exp(scores[i]) - (labels[i] * scores[i]);
            }

            return sum / labels.Length;
        }
    }

    private sealed class Multiclass(int classes) : Objective
    {
        public override int Classes => classes;

        public override string MetricName => "multi_logloss";

        protected override bool Accepts(double label) => label >= 0 && label < classes && label == Math.Floor(label);

        protected override string LabelRule => $"a class 0 to {classes - 1}";

        public override double InitScore(double[] labels, int classIndex) =>
            Math.Log(Math.Max(1e-15, labels.Count(l => (int)l == classIndex) / (double)labels.Length));

        protected override void Gradient(double[] labels, double[] scores, double[] gh, int i, int n)
        {
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                max = Math.Max(max, scores[(c * n) + i]);
            }

            var total = 0.0;
            Span<double> p = stackalloc double[classes];
            for (var c = 0; c < classes; c++)
            {
                p[c] = Math.Exp(scores[(c * n) + i] - max);
                total += p[c];
            }

            var factor = classes / (classes - 1.0);
            for (var c = 0; c < classes; c++)
            {
                var prob = p[c] / total;
                gh[2 * ((c * n) + i)] = prob - ((int)labels[i] == c ? 1 : 0);
                gh[(2 * ((c * n) + i)) + 1] = Math.Max(factor * prob * (1 - prob), 1e-16);
            }
        }

        public override double Metric(double[] labels, double[] scores)
        {
            var n = labels.Length;
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var max = double.NegativeInfinity;
                for (var c = 0; c < classes; c++)
                {
                    max = Math.Max(max, scores[(c * n) + i]);
                }

                var total = 0.0;
                for (var c = 0; c < classes; c++)
                {
                    total += Math.Exp(scores[(c * n) + i] - max);
                }

                var own = Math.Exp(scores[((int)labels[i] * n) + i] - max) / total;
                sum -= Math.Log(Math.Max(own, 1e-15));
            }

            return sum / n;
        }
    }
}

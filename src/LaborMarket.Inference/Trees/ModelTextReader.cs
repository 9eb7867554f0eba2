using System.Globalization;

namespace LaborMarket.Inference.Trees;

/// <summary>Parses LightGBM's text model format (header, <c>Tree=</c> blocks, <c>end of trees</c>).</summary>
internal static class ModelTextReader
{
    internal delegate LightGbmModel Factory(DecisionTree[] trees, string[] names, int numClass, int perIteration, string objective,
        OutputTransform transform, double sigmoid, bool averageOutput);

    public static LightGbmModel Read(TextReader reader, string source, Factory create)
    {
        var header = new Dictionary<string, (string Value, long Line)>(StringComparer.Ordinal);
        var average = false;
        long line = 0;
        string? text;
        var sawTreeKeyword = false;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.StartsWith("Tree=", StringComparison.Ordinal))
            {
                break;
            }

            if (text == "tree")
            {
                sawTreeKeyword = true;
            }
            else if (text == "average_output")
            {
                average = true;
            }
            else if (text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                header[text[..eq]] = (text[(eq + 1)..], line);
            }
        }

        if (!sawTreeKeyword)
        {
            throw new LaborMarketFormatException(source, 1, null, "not a LightGBM text model (no 'tree' header line)");
        }

        var names = Required(header, "feature_names", source).Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var maxFeature = Int(Required(header, "max_feature_idx", source), "max_feature_idx", source);
        if (names.Length != maxFeature + 1)
        {
            throw new LaborMarketFormatException(source, header["feature_names"].Line, "feature_names", $"{names.Length} names for {maxFeature + 1} features");
        }

        var numClass = Int(Required(header, "num_class", source), "num_class", source);
        var perIteration = header.TryGetValue("num_tree_per_iteration", out var pi) ? Int(pi, "num_tree_per_iteration", source) : numClass;
        var objectiveLine = Required(header, "objective", source);
        var (transform, sigmoid) = Objective(objectiveLine.Value, source, objectiveLine.Line);

        var trees = new List<DecisionTree>();
        var ended = false;
        while (text is not null)
        {
            if (text.StartsWith("Tree=", StringComparison.Ordinal))
            {
                var (tree, next, nextLine) = ReadTree(reader, source, line, maxFeature);
                trees.Add(tree);
                text = next;
                line = nextLine;
                continue;
            }

            if (text == "end of trees")
            {
                ended = true;
                break;
            }

            text = reader.ReadLine();
            line++;
        }

        if (!ended)
        {
            throw new LaborMarketFormatException(source, line, null, $"the file ends after {trees.Count} trees without 'end of trees': it is truncated");
        }

        if (trees.Count == 0 || trees.Count % perIteration != 0)
        {
            throw new LaborMarketFormatException(source, line, "Tree", $"{trees.Count} trees is not a whole number of iterations of {perIteration}");
        }

        if (header.TryGetValue("tree_sizes", out var sizes) && sizes.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != trees.Count)
        {
            throw new LaborMarketFormatException(source, sizes.Line, "tree_sizes", $"lists {sizes.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length} trees; the file holds {trees.Count}");
        }

        return create(trees.ToArray(), names, numClass, perIteration, objectiveLine.Value, transform, sigmoid, average);
    }

    private static (OutputTransform, double) Objective(string objective, string source, long line)
    {
        var parts = objective.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sigmoid = 1.0;
        foreach (var p in parts.Skip(1))
        {
            if (p.StartsWith("sigmoid:", StringComparison.Ordinal) && !double.TryParse(p.AsSpan(8), NumberStyles.Float, CultureInfo.InvariantCulture, out sigmoid))
            {
                throw new LaborMarketFormatException(source, line, "objective", $"bad sigmoid in '{objective}'");
            }
        }

        return parts.Length == 0 ? throw new LaborMarketFormatException(source, line, "objective", "empty objective") : parts[0] switch
        {
            "regression" or "regression_l2" or "l2" or "mean_squared_error" or "mse" or "regression_l1" or "l1" or "mae" or "huber" or "fair"
                or "quantile" or "mape" or "lambdarank" or "rank_xendcg" => (OutputTransform.Identity, sigmoid),
            "binary" or "cross_entropy" or "xentropy" => (OutputTransform.Sigmoid, sigmoid),
            "poisson" or "gamma" or "tweedie" => (OutputTransform.Exp, sigmoid),
            "multiclass" or "softmax" => (OutputTransform.Softmax, sigmoid),
            "multiclassova" or "multiclass_ova" or "ova" or "ovr" => (OutputTransform.SigmoidPerClass, sigmoid),
            var other => throw new NotSupportedException($"{source}:{line}: objective '{other}' is not supported by this engine"),
        };
    }

    private static (DecisionTree Tree, string? Next, long Line) ReadTree(TextReader reader, string source, long line, int maxFeature)
    {
        var fields = new Dictionary<string, (string Value, long Line)>(StringComparer.Ordinal);
        var start = line;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.StartsWith("Tree=", StringComparison.Ordinal) || text == "end of trees")
            {
                break;
            }

            if (text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                fields[text[..eq]] = (text[(eq + 1)..], line);
            }
        }

        if (text is null)
        {
            throw new LaborMarketFormatException(source, line, null, $"the file ends inside the tree starting on line {start}: it is truncated");
        }

        var leaves = Int(Field(fields, "num_leaves", source, start), "num_leaves", source);
        if (leaves < 1)
        {
            throw new LaborMarketFormatException(source, fields["num_leaves"].Line, "num_leaves", $"a tree needs at least one leaf, not {leaves}");
        }

        var internalNodes = Math.Max(0, leaves - 1);
        var numCat = fields.TryGetValue("num_cat", out var nc) ? Int(nc, "num_cat", source) : 0;
        var isLinear = fields.TryGetValue("is_linear", out var il) && il.Value.Trim() == "1";
        var split = Ints(Field(fields, "split_feature", source, start), "split_feature", internalNodes, source);
        if (split.Any(f => f < 0 || f > maxFeature))
        {
            throw new LaborMarketFormatException(source, fields["split_feature"].Line, "split_feature", $"a feature index outside 0..{maxFeature}");
        }

        var decision = Ints(Field(fields, "decision_type", source, start), "decision_type", internalNodes, source).Select(d => (byte)d).ToArray();
        if (numCat == 0 && decision.Any(d => (d & 1) != 0))
        {
            throw new LaborMarketFormatException(source, fields["decision_type"].Line, "decision_type", "a categorical split in a tree with num_cat=0");
        }

        var left = Ints(Field(fields, "left_child", source, start), "left_child", internalNodes, source);
        var right = Ints(Field(fields, "right_child", source, start), "right_child", internalNodes, source);
        foreach (var child in left.Concat(right))
        {
            if (child >= internalNodes || ~child >= leaves)
            {
                throw new LaborMarketFormatException(source, fields["left_child"].Line, "left_child", $"child {child} points outside the tree");
            }
        }

        // Every node but the root has exactly one parent: the walk from the root always ends at a leaf.
        var parents = new int[internalNodes + leaves];
        foreach (var child in left.Concat(right))
        {
            parents[child >= 0 ? child : internalNodes + ~child]++;
        }

        for (var i = 0; i < parents.Length; i++)
        {
            // Index 0 is the root: node 0, or the lone leaf of a one-leaf tree.
            if (parents[i] != (i == 0 ? 0 : 1))
            {
                throw new LaborMarketFormatException(source, fields["left_child"].Line, "left_child",
                    $"{(i < internalNodes ? $"node {i}" : $"leaf {i - internalNodes}")} has {parents[i]} parents: the children do not form a tree");
            }
        }

        // Linear trees carry per-leaf models: groups of num_features[i] entries in leaf_features and leaf_coeff.
        var leafConst = Array.Empty<double>();
        var leafFeatures = Array.Empty<int[]>();
        var leafCoeff = Array.Empty<double[]>();
        if (isLinear)
        {
            var counts = Ints(Field(fields, "num_features", source, start), "num_features", leaves, source);
            var features = Ints(Field(fields, "leaf_features", source, start), "leaf_features", counts.Sum(), source);
            var coeff = Doubles(Field(fields, "leaf_coeff", source, start), "leaf_coeff", counts.Sum(), source);
            leafConst = Doubles(Field(fields, "leaf_const", source, start), "leaf_const", leaves, source);
            leafFeatures = new int[leaves][];
            leafCoeff = new double[leaves][];
            var at = 0;
            for (var i = 0; i < leaves; i++)
            {
                leafFeatures[i] = features[at..(at + counts[i])];
                leafCoeff[i] = coeff[at..(at + counts[i])];
                at += counts[i];
            }
        }

        var tree = new DecisionTree
        {
            NumLeaves = leaves,
            SplitFeature = split,
            Threshold = Doubles(Field(fields, "threshold", source, start), "threshold", internalNodes, source),
            DecisionType = decision,
            LeftChild = left,
            RightChild = right,
            LeafValue = Doubles(Field(fields, "leaf_value", source, start), "leaf_value", leaves, source),
            CatBoundaries = numCat > 0 ? Ints(Field(fields, "cat_boundaries", source, start), "cat_boundaries", numCat + 1, source) : [0],
            CatThreshold = numCat > 0 ? UInts(Field(fields, "cat_threshold", source, start), "cat_threshold", source) : [],
            LeafCount = fields.TryGetValue("leaf_count", out var lc) ? Doubles(lc, "leaf_count", leaves, source) : new double[leaves],
            InternalCount = fields.TryGetValue("internal_count", out var ic) ? Doubles(ic, "internal_count", internalNodes, source) : new double[internalNodes],
            IsLinear = isLinear,
            LeafConst = leafConst,
            LeafFeatures = leafFeatures,
            LeafCoeff = leafCoeff,
        };

        return (tree, text, line);
    }

    private static (string Value, long Line) Required(Dictionary<string, (string, long)> header, string key, string source) =>
        header.TryGetValue(key, out var v) ? v : throw new LaborMarketFormatException(source, 0, key, $"the model header has no '{key}' line");

    private static (string Value, long Line) Field(Dictionary<string, (string, long)> fields, string key, string source, long tree) =>
        fields.TryGetValue(key, out var v) ? v : throw new LaborMarketFormatException(source, tree, key, $"the tree starting on line {tree} has no '{key}' line");

    private static int Int((string Value, long Line) f, string field, string source) =>
        int.TryParse(f.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new LaborMarketFormatException(source, f.Line, field, $"'{f.Value}' is not an integer");

    private static string[] Tokens(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static int[] Ints((string Value, long Line) f, string field, int count, string source)
    {
        var t = Tokens(f.Value);
        if (t.Length != count)
        {
            throw new LaborMarketFormatException(source, f.Line, field, $"{t.Length} values where {count} are expected");
        }

        var r = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(t[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out r[i]))
            {
                throw new LaborMarketFormatException(source, f.Line, field, $"'{t[i]}' is not an integer");
            }
        }

        return r;
    }

    private static uint[] UInts((string Value, long Line) f, string field, string source) =>
        Tokens(f.Value).Select(t => uint.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw new LaborMarketFormatException(source, f.Line, field, $"'{t}' is not an unsigned integer")).ToArray();

    private static double[] Doubles((string Value, long Line) f, string field, int count, string source)
    {
        var t = Tokens(f.Value);
        if (t.Length != count)
        {
            throw new LaborMarketFormatException(source, f.Line, field, $"{t.Length} values where {count} are expected");
        }

        var r = new double[count];
        for (var i = 0; i < count; i++)
        {
            if (!double.TryParse(t[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]))
            {
                r[i] = t[i] switch
                {
                    "inf" or "+inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    "nan" or "-nan" => double.NaN,
                    _ => throw new LaborMarketFormatException(source, f.Line, field, $"'{t[i]}' is not a number"),
                };
            }
        }

        return r;
    }
}

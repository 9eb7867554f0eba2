using System.Globalization;

namespace LaborMarket.Inference.Trees;

/// <summary>
/// Parses LightGBM's text model format (header, <c>Tree=</c> blocks, <c>end of trees</c>) and validates, once, every
/// value prediction reads against every array it indexes: a model that loads is safe to evaluate for any input.
/// Anything LightGBM never writes (a NaN threshold, a child pointing back up, a bitset past its words) is refused
/// with a <see cref="LaborMarketFormatException"/> naming the line and field.
/// </summary>
internal static class ModelTextReader
{
    internal delegate LightGbmModel Factory(DecisionTree[] trees, string[] names, int numClass, int perIteration, string objective,
        OutputTransform transform, double sigmoid, bool averageOutput, int maxDepth, double? quantileAlpha);

    private readonly record struct Entry(string Value, long Line);

    public static LightGbmModel Read(TextReader reader, string source, LightGbmModelOptions options, Factory create)
    {
        var lines = new ModelLineReader(reader, source, options.MaxLineLength);
        var header = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var average = false;
        var sawTreeKeyword = false;
        string? text;
        while ((text = lines.ReadLine()) is not null && !text.StartsWith("Tree=", StringComparison.Ordinal) && text != "end of trees")
        {
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
                Add(header, text[..eq], new Entry(text[(eq + 1)..], lines.LineNumber), source, "the model header");
            }
        }

        if (!sawTreeKeyword)
        {
            throw new LaborMarketFormatException(source, 1, null, "not a LightGBM text model (no 'tree' header line)");
        }

        if (header.TryGetValue("version", out var version) && version.Value is not ("v2" or "v3" or "v4"))
        {
            throw new LaborMarketFormatException(source, version.Line, "version", $"'{Trim(version.Value)}' is not a model format version this engine reads (v2, v3, v4)");
        }

        var maxFeature = Int(Required(header, "max_feature_idx", source), "max_feature_idx", source, 0, options.MaxFeatures - 1);
        var featureCount = maxFeature + 1;
        var namesEntry = Required(header, "feature_names", source);
        if (CountTokens(namesEntry.Value) != featureCount)
        {
            throw new LaborMarketFormatException(source, namesEntry.Line, "feature_names", $"{CountTokens(namesEntry.Value)} names for {featureCount} features");
        }

        var names = namesEntry.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (header.TryGetValue("feature_infos", out var infos))
        {
            FeatureInfos(infos, featureCount, source);
        }

        var numClass = Int(Required(header, "num_class", source), "num_class", source, 1, int.MaxValue);
        var perIteration = header.TryGetValue("num_tree_per_iteration", out var pi)
            ? Int(pi, "num_tree_per_iteration", source, 1, int.MaxValue) : numClass;
        if (perIteration != numClass)
        {
            throw new LaborMarketFormatException(source, pi.Line, "num_tree_per_iteration", $"{perIteration} trees per iteration for {numClass} classes");
        }

        if (header.TryGetValue("label_index", out var label))
        {
            Int(label, "label_index", source, -1, int.MaxValue);
        }

        var objectiveLine = Required(header, "objective", source);
        var (transform, sigmoid) = Objective(objectiveLine, numClass, source);

        var trees = new List<DecisionTree>();
        var maxDepth = 0;
        while (text is not null && text != "end of trees")
        {
            if (!text.StartsWith("Tree=", StringComparison.Ordinal))
            {
                if (text.Length > 0)
                {
                    throw new LaborMarketFormatException(source, lines.LineNumber, null, "a line outside every tree where a 'Tree=' block or 'end of trees' belongs");
                }

                text = lines.ReadLine();
                continue;
            }

            var index = Int(new Entry(text[5..], lines.LineNumber), "Tree", source, 0, int.MaxValue);
            if (index != trees.Count)
            {
                throw new LaborMarketFormatException(source, lines.LineNumber, "Tree", $"tree {index} where tree {trees.Count} comes next");
            }

            var (tree, depth, next) = ReadTree(lines, source, maxFeature, options);
            trees.Add(tree);
            maxDepth = Math.Max(maxDepth, depth);
            text = next;
        }

        if (text is null)
        {
            throw new LaborMarketFormatException(source, lines.LineNumber, null, $"the file ends after {trees.Count} trees without 'end of trees': it is truncated");
        }

        if (trees.Count == 0 || trees.Count % perIteration != 0)
        {
            throw new LaborMarketFormatException(source, lines.LineNumber, "Tree", $"{trees.Count} trees is not a whole number of iterations of {perIteration}");
        }

        if (header.TryGetValue("tree_sizes", out var sizes))
        {
            if (CountTokens(sizes.Value) != trees.Count)
            {
                throw new LaborMarketFormatException(source, sizes.Line, "tree_sizes", $"lists {CountTokens(sizes.Value)} trees; the file holds {trees.Count}");
            }

            Ints(sizes, "tree_sizes", trees.Count, source, 1, int.MaxValue);
        }

        // A quantile model's quantile is not in its header, only in the parameters section after the trees.
        var alpha = objectiveLine.Value.StartsWith("quantile", StringComparison.Ordinal) ? QuantileAlpha(lines) : null;
        return create([.. trees], names, numClass, perIteration, objectiveLine.Value, transform, sigmoid, average, maxDepth, alpha);
    }

    // "[alpha: 0.9]" in the parameters section, when the file has one (a model saved without parameters has none).
    private static double? QuantileAlpha(ModelLineReader lines)
    {
        string? text;
        while ((text = lines.ReadLine()) is not null && text != "end of parameters")
        {
            if (text.StartsWith("[alpha: ", StringComparison.Ordinal) && text.EndsWith(']')
                && double.TryParse(text.AsSpan(8, text.Length - 9), NumberStyles.Float, CultureInfo.InvariantCulture, out var alpha)
                && alpha is > 0 and < 1)
            {
                return alpha;
            }
        }

        return null;
    }

    private static void Add(Dictionary<string, Entry> fields, string key, Entry entry, string source, string where)
    {
        if (!fields.TryAdd(key, entry))
        {
            throw new LaborMarketFormatException(source, entry.Line, key, $"'{key}' appears twice in {where} (first on line {fields[key].Line})");
        }
    }

    private static (OutputTransform, double) Objective(Entry objective, int numClass, string source)
    {
        var value = objective.Value;
        var rest = value.AsSpan();
        if (!NextToken(ref rest, out var nameSpan))
        {
            throw new LaborMarketFormatException(source, objective.Line, "objective", "empty objective");
        }

        var name = nameSpan.ToString();
        var sigmoid = 1.0;
        while (NextToken(ref rest, out var token))
        {
            var colon = token.IndexOf(':');
            if (colon <= 0 || !double.TryParse(token[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                throw new LaborMarketFormatException(source, objective.Line, "objective",
                    $"'{Trim(token.ToString())}' is not a 'name:number' objective parameter this engine supports");
            }

            var parameter = token[..colon];
            if (parameter.SequenceEqual("sigmoid"))
            {
                if (number <= 0)
                {
                    throw new LaborMarketFormatException(source, objective.Line, "objective", $"sigmoid must be positive, not {number.ToString(CultureInfo.InvariantCulture)}");
                }

                sigmoid = number;
            }
            else if (parameter.SequenceEqual("num_class") && number != numClass)
            {
                throw new LaborMarketFormatException(source, objective.Line, "objective", $"num_class:{number.ToString(CultureInfo.InvariantCulture)} where the header says num_class={numClass}");
            }
        }

        var transform = name switch
        {
            "regression" or "regression_l2" or "l2" or "mean_squared_error" or "mse" or "regression_l1" or "l1" or "mae" or "huber" or "fair"
                or "quantile" or "mape" or "lambdarank" or "rank_xendcg" => OutputTransform.Identity,
            "binary" or "cross_entropy" or "xentropy" => OutputTransform.Sigmoid,
            "poisson" or "gamma" or "tweedie" => OutputTransform.Exp,
            "multiclass" or "softmax" => OutputTransform.Softmax,
            "multiclassova" or "multiclass_ova" or "ova" or "ovr" => OutputTransform.SigmoidPerClass,
            _ => throw new LaborMarketFormatException(source, objective.Line, "objective", $"objective '{Trim(name)}' is not supported by this engine"),
        };

        if ((transform is OutputTransform.Softmax or OutputTransform.SigmoidPerClass) != (numClass > 1))
        {
            throw new LaborMarketFormatException(source, objective.Line, "objective", $"objective '{name}' with num_class={numClass}");
        }

        return (transform, sigmoid);
    }

    private static void FeatureInfos(Entry infos, int featureCount, string source)
    {
        if (CountTokens(infos.Value) != featureCount)
        {
            throw new LaborMarketFormatException(source, infos.Line, "feature_infos", $"{CountTokens(infos.Value)} entries for {featureCount} features");
        }

        // Each entry is 'none', a numerical range '[min:max]' or categorical values 'a:b:c'.
        var rest = infos.Value.AsSpan();
        while (NextToken(ref rest, out var token))
        {
            var ok = token.SequenceEqual("none")
                || (token.Length > 2 && token[0] == '[' && token[^1] == ']' && token[1..^1].IndexOf(':') is var c and > 0
                    && double.TryParse(token[1..(c + 1)], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    && double.TryParse(token[(c + 2)..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                || Categories(token);
            if (!ok)
            {
                throw new LaborMarketFormatException(source, infos.Line, "feature_infos", $"'{Trim(token.ToString())}' is neither 'none', '[min:max]' nor categories 'a:b:c'");
            }
        }

        static bool Categories(ReadOnlySpan<char> token)
        {
            foreach (var part in token.ToString().Split(':'))
            {
                if (!int.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private static (DecisionTree Tree, int Depth, string? Next) ReadTree(ModelLineReader lines, string source, int maxFeature, LightGbmModelOptions options)
    {
        var fields = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var start = lines.LineNumber;
        string? text;
        while ((text = lines.ReadLine()) is not null && !text.StartsWith("Tree=", StringComparison.Ordinal) && text != "end of trees")
        {
            if (text.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                Add(fields, text[..eq], new Entry(text[(eq + 1)..], lines.LineNumber), source, $"the tree starting on line {start}");
            }
            else if (text.Length > 0)
            {
                throw new LaborMarketFormatException(source, lines.LineNumber, null, $"'{Trim(text)}' is not a 'key=value' line of the tree starting on line {start}");
            }
        }

        if (text is null)
        {
            throw new LaborMarketFormatException(source, lines.LineNumber, null, $"the file ends inside the tree starting on line {start}: it is truncated");
        }

        var leaves = Int(Field(fields, "num_leaves", source, start), "num_leaves", source, 1, options.MaxLeaves);
        var inner = leaves - 1;
        var numCat = fields.TryGetValue("num_cat", out var nc) ? Int(nc, "num_cat", source, 0, inner) : 0;
        var isLinear = false;
        if (fields.TryGetValue("is_linear", out var il))
        {
            isLinear = Int(il, "is_linear", source, 0, 1) == 1;
        }

        var split = Ints(Field(fields, "split_feature", source, start), "split_feature", inner, source, 0, maxFeature);
        var thresholdEntry = Field(fields, "threshold", source, start);
        var threshold = Doubles(thresholdEntry, "threshold", inner, source, allowInfinity: true);
        var decisionEntry = Field(fields, "decision_type", source, start);
        var decisionInts = Ints(decisionEntry, "decision_type", inner, source, 0, 15);
        var decision = new byte[inner];
        for (var n = 0; n < inner; n++)
        {
            var d = decisionInts[n];
            decision[n] = (byte)d;
            if (((d >> 2) & 3) == 3)
            {
                throw new LaborMarketFormatException(source, decisionEntry.Line, "decision_type", $"node {n}: {d} names missing type 3, which does not exist");
            }

            if ((d & 1) == 0)
            {
                // LightGBM writes 'inf' for a split that sends every number left and only NaN the other way (missing
                // type NaN); any other infinite threshold is damage.
                if (double.IsInfinity(threshold[n]) && (threshold[n] < 0 || ((d >> 2) & 3) != 2))
                {
                    throw new LaborMarketFormatException(source, thresholdEntry.Line, "threshold",
                        $"node {n}: an infinite threshold only on a numerical node with missing type NaN (decision_type {d})");
                }

                continue;
            }

            if (numCat == 0)
            {
                throw new LaborMarketFormatException(source, decisionEntry.Line, "decision_type", $"node {n} is categorical in a tree with num_cat=0");
            }

            // A categorical node's threshold is the index of its bitset.
            var t = threshold[n];
            if (t < 0 || t >= numCat || t != Math.Floor(t))
            {
                throw new LaborMarketFormatException(source, thresholdEntry.Line, "threshold",
                    $"node {n} is categorical, so its threshold must be a bitset index in 0..{numCat - 1}, not {t.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        var leftEntry = Field(fields, "left_child", source, start);
        var rightEntry = Field(fields, "right_child", source, start);
        var left = Ints(leftEntry, "left_child", inner, source, -leaves, inner - 1);
        var right = Ints(rightEntry, "right_child", inner, source, -leaves, inner - 1);
        var depth = TreeShape.Depth(left, right, leaves, options.MaxTreeDepth, (message, isRight) =>
            new LaborMarketFormatException(source, isRight ? rightEntry.Line : leftEntry.Line, isRight ? "right_child" : "left_child", message));

        var leafValue = Doubles(Field(fields, "leaf_value", source, start), "leaf_value", leaves, source);
        var leafCountEntry = Field(fields, "leaf_count", source, start);
        var leafCount = Doubles(leafCountEntry, "leaf_count", leaves, source, nonNegative: true);
        var internalCountEntry = Field(fields, "internal_count", source, start);
        var internalCount = Doubles(internalCountEntry, "internal_count", inner, source, nonNegative: true);
        for (var n = 0; n < inner; n++)
        {
            // A node's training count is its children's: contributions weigh each side by these covers.
            var sum = Cover(left[n]) + Cover(right[n]);
            if (internalCount[n] != sum || (n == 0 && sum <= 0))
            {
                var leafSide = left[n] < 0 || right[n] < 0;
                throw new LaborMarketFormatException(source, leafSide ? leafCountEntry.Line : internalCountEntry.Line, leafSide ? "leaf_count" : "internal_count",
                    $"node {n} counts {internalCount[n].ToString(CultureInfo.InvariantCulture)} rows; its children {sum.ToString(CultureInfo.InvariantCulture)} (leaf_count and internal_count disagree)");
            }
        }

        foreach (var (key, count) in new[] { ("split_gain", inner), ("internal_value", inner), ("internal_weight", inner), ("leaf_weight", leaves) })
        {
            if (fields.TryGetValue(key, out var entry) && CountTokens(entry.Value) != count)
            {
                throw new LaborMarketFormatException(source, entry.Line, key, $"{CountTokens(entry.Value)} values where {count} are expected");
            }
        }

        if (fields.TryGetValue("shrinkage", out var shrinkage))
        {
            Doubles(shrinkage, "shrinkage", 1, source);
        }

        int[] boundaries = [0];
        uint[] bits = [];
        if (numCat > 0)
        {
            var boundariesEntry = Field(fields, "cat_boundaries", source, start);
            var bitsEntry = Field(fields, "cat_threshold", source, start);
            bits = UInts(bitsEntry, "cat_threshold", source);
            boundaries = Ints(boundariesEntry, "cat_boundaries", numCat + 1, source, 0, bits.Length);
            for (var c = 0; c < numCat; c++)
            {
                // Each bitset has at least one word: prediction reads a bitset's first word without a length check.
                if (boundaries[c + 1] <= boundaries[c])
                {
                    throw new LaborMarketFormatException(source, boundariesEntry.Line, "cat_boundaries", $"bitset {c} runs from word {boundaries[c]} to {boundaries[c + 1]}: boundaries must increase");
                }
            }

            if (boundaries[0] != 0 || boundaries[numCat] != bits.Length)
            {
                throw new LaborMarketFormatException(source, boundariesEntry.Line, "cat_boundaries",
                    $"the bitsets cover words {boundaries[0]}..{boundaries[numCat]}; cat_threshold holds {bits.Length} words");
            }
        }
        else if (fields.ContainsKey("cat_boundaries") || fields.ContainsKey("cat_threshold"))
        {
            var entry = fields.TryGetValue("cat_boundaries", out var b) ? b : fields["cat_threshold"];
            if (entry.Value.Length > 0)
            {
                throw new LaborMarketFormatException(source, entry.Line, "num_cat", "categorical bitsets in a tree with num_cat=0");
            }
        }

        // Linear trees carry per-leaf models: groups of num_features[i] entries in leaf_features and leaf_coeff.
        double[] leafConst = [];
        int[][] leafFeatures = [];
        double[][] leafCoeff = [];
        if (isLinear)
        {
            var countsEntry = Field(fields, "num_features", source, start);
            var counts = Ints(countsEntry, "num_features", leaves, source, 0, maxFeature + 1);
            var total = counts.Sum(c => (long)c);
            var featuresEntry = Field(fields, "leaf_features", source, start);
            if (CountTokens(featuresEntry.Value) != total)
            {
                throw new LaborMarketFormatException(source, featuresEntry.Line, "leaf_features", $"{CountTokens(featuresEntry.Value)} values where num_features adds up to {total}");
            }

            var features = Ints(featuresEntry, "leaf_features", (int)total, source, 0, maxFeature);
            var coeff = Doubles(Field(fields, "leaf_coeff", source, start), "leaf_coeff", (int)total, source);
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
            Threshold = threshold,
            DecisionType = decision,
            LeftChild = left,
            RightChild = right,
            LeafValue = leafValue,
            CatBoundaries = boundaries,
            CatThreshold = bits,
            LeafCount = leafCount,
            InternalCount = internalCount,
            IsLinear = isLinear,
            LeafConst = leafConst,
            LeafFeatures = leafFeatures,
            LeafCoeff = leafCoeff,
        };

        return (tree, depth, text);

        double Cover(int child) => child >= 0 ? internalCount[child] : leafCount[~child];
    }

    private static Entry Required(Dictionary<string, Entry> header, string key, string source) =>
        header.TryGetValue(key, out var v) ? v : throw new LaborMarketFormatException(source, 0, key, $"the model header has no '{key}' line");

    private static Entry Field(Dictionary<string, Entry> fields, string key, string source, long tree) =>
        fields.TryGetValue(key, out var v) ? v : throw new LaborMarketFormatException(source, tree, key, $"the tree starting on line {tree} has no '{key}' line");

    private static int Int(Entry f, string field, string source, int min, int max)
    {
        if (!int.TryParse(f.Value.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            throw new LaborMarketFormatException(source, f.Line, field, $"'{Trim(f.Value)}' is not an integer");
        }

        return v >= min && v <= max ? v : throw new LaborMarketFormatException(source, f.Line, field, $"{v} is outside {min}..{max}");
    }

    // A value quoted in a message is cut short: an error about a huge line stays small.
    private static string Trim(string value) => value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), "...");

    private static bool NextToken(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        rest = rest.TrimStart(' ');
        if (rest.IsEmpty)
        {
            token = default;
            return false;
        }

        var end = rest.IndexOf(' ');
        token = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        return true;
    }

    private static int CountTokens(string value)
    {
        var rest = value.AsSpan();
        var count = 0;
        while (NextToken(ref rest, out _))
        {
            count++;
        }

        return count;
    }

    private static void Count(Entry f, string field, int count, string source)
    {
        var actual = CountTokens(f.Value);
        if (actual != count)
        {
            throw new LaborMarketFormatException(source, f.Line, field, $"{actual} values where {count} are expected");
        }
    }

    private static int[] Ints(Entry f, string field, int count, string source, int min, int max)
    {
        Count(f, field, count, source);
        var r = new int[count];
        var rest = f.Value.AsSpan();
        for (var i = 0; NextToken(ref rest, out var token); i++)
        {
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out r[i]))
            {
                throw new LaborMarketFormatException(source, f.Line, field, $"value {i + 1}: '{Trim(token.ToString())}' is not an integer");
            }

            if (r[i] < min || r[i] > max)
            {
                throw new LaborMarketFormatException(source, f.Line, field, $"value {i + 1}: {r[i]} is outside {min}..{max}");
            }
        }

        return r;
    }

    private static uint[] UInts(Entry f, string field, string source)
    {
        var r = new uint[CountTokens(f.Value)];
        var rest = f.Value.AsSpan();
        for (var i = 0; NextToken(ref rest, out var token); i++)
        {
            if (!uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out r[i]))
            {
                throw new LaborMarketFormatException(source, f.Line, field, $"value {i + 1}: '{Trim(token.ToString())}' is not an unsigned integer");
            }
        }

        return r;
    }

    // Finite numbers only: LightGBM never writes NaN or infinity for what prediction reads.
    private static double[] Doubles(Entry f, string field, int count, string source, bool nonNegative = false, bool allowInfinity = false)
    {
        Count(f, field, count, source);
        var r = new double[count];
        var rest = f.Value.AsSpan();
        for (var i = 0; NextToken(ref rest, out var token); i++)
        {
            if (allowInfinity && (token.SequenceEqual("inf") || token.SequenceEqual("-inf")))
            {
                r[i] = token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
                continue;
            }

            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]))
            {
                throw new LaborMarketFormatException(source, f.Line, field, $"value {i + 1}: '{Trim(token.ToString())}' is not a number");
            }

            if (!double.IsFinite(r[i]) || (nonNegative && r[i] < 0))
            {
                throw new LaborMarketFormatException(source, f.Line, field,
                    $"value {i + 1}: {Trim(token.ToString())} is not a {(nonNegative ? "non-negative " : "")}finite number");
            }
        }

        return r;
    }
}

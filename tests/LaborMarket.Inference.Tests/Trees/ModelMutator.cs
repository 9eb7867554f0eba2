using System.Globalization;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// Damages a real model file the ways a disk, a transfer or a hostile hand would: cuts it short, flips characters,
/// edits numbers and indexes (NaN, infinities, huge, negative, off by one), swaps and repeats entries, removes and
/// repeats lines, points children back up. Seeded: the same seed gives the same mutant.
/// </summary>
internal static class ModelMutator
{
    // The fields prediction reads; most edits aim at them.
    private static readonly string[] Keys =
    [
        "split_feature", "threshold", "decision_type", "left_child", "right_child", "leaf_value", "leaf_count", "internal_count",
        "cat_boundaries", "cat_threshold", "num_leaves", "num_cat", "is_linear", "leaf_features", "num_features", "leaf_coeff",
        "leaf_const", "max_feature_idx", "num_class", "num_tree_per_iteration", "objective", "feature_names", "feature_infos",
        "tree_sizes", "Tree", "version", "shrinkage",
    ];

    private static readonly string[] Hostile =
    [
        "nan", "-nan", "NaN", "inf", "-inf", "Infinity", "1e308", "-1e308", "1e-400", "0", "-0", "-1", "-2", "1", "2", "31", "32", "63",
        "64", "255", "256", "2147483647", "-2147483648", "2147483648", "4294967295", "4294967296", "99999999999999999999", "0.5", "-0.5",
        "1e35", "", "x", "+", "--1", "0x10", "1,5", "sigmoid:nan", "sigmoid:0", "sigmoid:-1", "num_class:7",
    ];

    private const string Characters = "0123456789-+.e= \n\r\tnaifNI:[]x\0\u00e9";

    /// <summary>A mutant of <paramref name="lines"/> (the model split at '\n') and what was done.</summary>
    public static (string Text, string What) Mutate(string[] lines, Random rng)
    {
        var copy = (string[])lines.Clone();
        switch (rng.Next(10))
        {
            case 0:
            {
                var text = string.Join('\n', lines);
                var cut = rng.Next(text.Length);
                return (text[..cut], $"truncated at {cut}");
            }

            case 1:
            {
                var i = rng.Next(copy.Length);
                if (copy[i].Length == 0)
                {
                    copy[i] = Characters[rng.Next(Characters.Length)].ToString();
                }
                else
                {
                    var at = rng.Next(copy[i].Length);
                    copy[i] = string.Concat(copy[i].AsSpan(0, at), Characters[rng.Next(Characters.Length)].ToString(), copy[i].AsSpan(at + 1));
                }

                return (string.Join('\n', copy), $"line {i + 1}: one character changed");
            }

            case 2:
            {
                var i = rng.Next(lines.Length);
                return (string.Join('\n', lines.Where((_, j) => j != i)), $"line {i + 1} removed");
            }

            case 3:
            {
                var i = rng.Next(copy.Length);
                var list = copy.ToList();
                list.Insert(i, copy[rng.Next(copy.Length)]);
                return (string.Join('\n', list), $"a line repeated at {i + 1}");
            }

            default:
            {
                var key = Keys[rng.Next(Keys.Length)];
                var matches = Enumerable.Range(0, copy.Length).Where(j => copy[j].StartsWith(key + "=", StringComparison.Ordinal)).ToArray();
                if (matches.Length == 0)
                {
                    return (string.Join('\n', lines), "unchanged");
                }

                var i = matches[rng.Next(matches.Length)];
                var tokens = copy[i][(key.Length + 1)..].Split(' ');
                var what = EditTokens(tokens, rng);
                copy[i] = key + "=" + string.Join(' ', tokens);
                return (string.Join('\n', copy), $"line {i + 1} ({key}): {what}");
            }
        }
    }

    private static string EditTokens(string[] tokens, Random rng)
    {
        var t = rng.Next(tokens.Length);
        switch (rng.Next(4))
        {
            case 0:
                tokens[t] = Hostile[rng.Next(Hostile.Length)];
                return $"value {t + 1} -> '{tokens[t]}'";
            case 1:
            {
                var u = rng.Next(tokens.Length);
                (tokens[t], tokens[u]) = (tokens[u], tokens[t]);
                return $"values {t + 1} and {u + 1} swapped";
            }

            case 2:
                // An index nudged: off by one, pointing back up, or to the other kind of node.
                if (int.TryParse(tokens[t], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                {
                    tokens[t] = (rng.Next(4) switch { 0 => v + 1, 1 => v - 1, 2 => -v - 1, _ => rng.Next(Math.Max(1, t + 1)) }).ToString(CultureInfo.InvariantCulture);
                    return $"index {t + 1} -> {tokens[t]}";
                }

                tokens[t] = Hostile[rng.Next(Hostile.Length)];
                return $"value {t + 1} -> '{tokens[t]}'";
            default:
                if (double.TryParse(tokens[t], NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    tokens[t] = (d * (rng.Next(3) - 1) * 1e300).ToString("R", CultureInfo.InvariantCulture);
                    return $"number {t + 1} -> {tokens[t]}";
                }

                tokens[t] += " " + tokens[t];
                return $"value {t + 1} repeated";
        }
    }
}

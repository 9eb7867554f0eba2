using System.Globalization;
using System.Text;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>
/// Writes a LightGBM text model of one very deep tree: a spine of <c>depth</c> nodes, each with a small balanced
/// subtree on its left, over a few features, with training counts that add up. The shape a hostile file or a
/// degenerate training run gives: tens of thousands of leaves, thousands of levels.
/// </summary>
internal static class DeepTreeModel
{
    public static string Write(int depth, int subtreeLevels, int features)
    {
        var left = new List<int>();
        var right = new List<int>();
        var feature = new List<int>();
        var threshold = new List<double>();
        var leafValue = new List<double>();

        int Node(int f, double t)
        {
            left.Add(0);
            right.Add(0);
            feature.Add(f);
            threshold.Add(t);
            return left.Count - 1;
        }

        int Leaf()
        {
            leafValue.Add(((leafValue.Count * 37) % 101) - 50.0);
            return ~(leafValue.Count - 1);
        }

        int Subtree(int levels, int f)
        {
            if (levels == 0)
            {
                return Leaf();
            }

            var n = Node(f % features, levels);
            left[n] = Subtree(levels - 1, f + 1);
            right[n] = Subtree(levels - 1, f + 1);
            return n;
        }

        var spine = Node(0, 0);
        for (var i = 0; i < depth; i++)
        {
            left[spine] = Subtree(subtreeLevels, i + 1);
            if (i == depth - 1)
            {
                right[spine] = Leaf();
            }
            else
            {
                var next = Node((i + 1) % features, (i + 1) * 0.5);
                right[spine] = next;
                spine = next;
            }
        }

        // Children come after their parents, so counts add up from the last node back.
        var leafCount = Enumerable.Range(0, leafValue.Count).Select(l => (double)(1 + (l % 7))).ToArray();
        var internalCount = new double[left.Count];
        for (var n = left.Count - 1; n >= 0; n--)
        {
            internalCount[n] = Cover(left[n]) + Cover(right[n]);
        }

        double Cover(int c) => c >= 0 ? internalCount[c] : leafCount[~c];

        var names = string.Join(' ', Enumerable.Range(0, features).Select(f => $"f{f}"));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"tree\nversion=v4\nnum_class=1\nnum_tree_per_iteration=1\nlabel_index=0\nmax_feature_idx={features - 1}\n");
        sb.Append(CultureInfo.InvariantCulture, $"objective=regression\nfeature_names={names}\n\nTree=0\nnum_leaves={leafValue.Count}\nnum_cat=0\n");
        sb.Append("split_feature=").AppendJoin(' ', feature).Append('\n');
        sb.Append("threshold=").AppendJoin(' ', threshold.Select(t => t.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        sb.Append("decision_type=").AppendJoin(' ', feature.Select((_, i) => i % 3 == 0 ? "10" : "2")).Append('\n');
        sb.Append("left_child=").AppendJoin(' ', left).Append('\n');
        sb.Append("right_child=").AppendJoin(' ', right).Append('\n');
        sb.Append("leaf_value=").AppendJoin(' ', leafValue.Select(v => v.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        sb.Append("leaf_count=").AppendJoin(' ', leafCount).Append('\n');
        sb.Append("internal_count=").AppendJoin(' ', internalCount).Append('\n');
        sb.Append("is_linear=0\nshrinkage=1\n\n\nend of trees\n");
        return sb.ToString();
    }
}

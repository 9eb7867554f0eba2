namespace LaborMarket.Inference.Trees;

/// <summary>Checks that a tree's child indexes form one tree rooted at node 0, without recursion, and measures its depth.</summary>
internal static class TreeShape
{
    /// <summary>
    /// The depth (edges from the root to the deepest leaf) of the tree the children describe. Throws what
    /// <paramref name="error"/> makes (message, whether the right child is at fault) when a node is reached twice (a
    /// child pointing back up or two parents), a node is never reached, or the tree is deeper than
    /// <paramref name="maxDepth"/>. Children must already lie in -leaves..inner-1.
    /// </summary>
    public static int Depth(int[] left, int[] right, int leaves, int maxDepth, Func<string, bool, Exception> error)
    {
        var inner = left.Length;
        if (inner == 0)
        {
            return 0;
        }

        // Nodes 0..inner-1, then leaves; the root is node 0.
        var seen = new bool[inner + leaves];
        var stack = new (int Node, int Depth)[inner + 1];
        var top = 0;
        var reached = 1;
        var deepest = 0;
        seen[0] = true;
        stack[top++] = (0, 0);
        while (top > 0)
        {
            var (node, depth) = stack[--top];
            for (var side = 0; side < 2; side++)
            {
                var child = side == 0 ? left[node] : right[node];
                var slot = child >= 0 ? child : inner + ~child;
                if (seen[slot])
                {
                    throw error(
                        $"node {node}'s {(side == 0 ? "left" : "right")} child {child} is reached a second time (it points back up or shares a child): the children do not form a tree",
                        side == 1);
                }

                seen[slot] = true;
                reached++;
                if (depth + 1 > maxDepth)
                {
                    throw error($"the tree is deeper than {maxDepth} levels (LightGbmModelOptions.MaxTreeDepth)", side == 1);
                }

                deepest = Math.Max(deepest, depth + 1);
                if (child >= 0)
                {
                    stack[top++] = (child, depth + 1);
                }
            }
        }

        return reached == inner + leaves
            ? deepest
            : throw error($"{inner + leaves - reached} of the tree's {inner + leaves} nodes and leaves are not reached from the root: the children do not form a tree", false);
    }
}

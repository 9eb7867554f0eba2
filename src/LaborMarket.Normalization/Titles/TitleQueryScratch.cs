using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>Per-thread working memory for scoring one title against one <see cref="TitleIndex"/>; every array is left
/// cleared after use, so scoring allocates nothing.</summary>
internal sealed class TitleQueryScratch(TitleIndex owner, int phrases, int roles)
{
    /// <summary>How many nearest phrases vote for their roles.</summary>
    public const int VoteK = 10;

    public readonly TitleIndex Owner = owner;
    public readonly float[] PhraseAcc = new float[phrases];
    public readonly int[] Touched = new int[phrases];
    public readonly float[] RoleBest = new float[roles];
    public readonly int[] RoleBestPhrase = new int[roles];
    public readonly float[] RoleLogLikelihood = new float[roles];
    public readonly float[] RoleVote = new float[roles];
    public readonly float[] TopPhraseSim = new float[64];
    public readonly int[] TopPhrase = new int[64];
    public int TopCount;
    public readonly int[] TouchedRoles = new int[roles];
    public readonly int[] QueryIds = new int[TitleScratch.MaxTokens];
    public readonly float[] QueryWeights = new float[TitleScratch.MaxTokens];
    public readonly char[] FuzzyBuffer = new char[64];
    public readonly char[] BagBuffer = new char[TitleScratch.KeyCapacity];

    /// <summary>Keeps the <see cref="VoteK"/> most similar phrases, best first.</summary>
    public void KeepTop(float sim, int phrase)
    {
        if (TopCount == VoteK && sim <= TopPhraseSim[TopCount - 1])
        {
            return;
        }

        var pos = TopCount < VoteK ? TopCount++ : VoteK - 1;
        while (pos > 0 && TopPhraseSim[pos - 1] < sim)
        {
            TopPhraseSim[pos] = TopPhraseSim[pos - 1];
            TopPhrase[pos] = TopPhrase[pos - 1];
            pos--;
        }

        TopPhraseSim[pos] = sim;
        TopPhrase[pos] = phrase;
    }
}

namespace LaborMarket.Normalization.Text;

/// <summary>What a title's head word says of rank over the work its other words name.</summary>
/// <param name="IsRank">The head is a rank over the work the other words name ("Maintenance Lead", "Finance Intern"):
/// it does not count as the head when scoring.</param>
/// <param name="Learns">The head is a learner of the work ("Finance Intern"), so not its manager; false when the title
/// names management ("Management Intern").</param>
/// <param name="Supervises">The head supervises workers (supervisor, foreman, boss, superintendent, lead): in SOC
/// groups 33 to 53 the title is coded to the group's first-line supervisor occupation.</param>
internal readonly record struct HeadRank(bool IsRank, bool Learns, bool Supervises)
{
    private static readonly WordSet Learners = new(TitleVocabulary.LearnerHeads);
    private static readonly WordSet RankHeads = new(TitleVocabulary.RankHeads);
    private static readonly WordSet Supervisors = new(TitleVocabulary.SupervisorHeads);
    private static readonly WordSet Management = new(TitleVocabulary.ManagementStems);

    /// <summary>Reads the head's rank once the title's words are in order (the "read rank" stage).</summary>
    public static HeadRank Read(TitleWords words, WordOrder order, int head)
    {
        if (head < 0)
        {
            return default;
        }

        var stem = words.Stem(head);
        var several = order.Count > 1;
        var learns = several && Learners.Contains(stem);
        return new HeadRank(
            learns || (several && RankHeads.Contains(stem)),
            learns && !NamesManagement(words, order),
            Supervisors.Contains(words.Word(head)));
    }

    private static bool NamesManagement(TitleWords words, WordOrder order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (Management.Contains(words.Stem(order.Tokens[i])))
            {
                return true;
            }
        }

        return false;
    }
}

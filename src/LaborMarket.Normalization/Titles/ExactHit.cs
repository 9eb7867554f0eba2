namespace LaborMarket.Normalization.Titles;

/// <summary>An exact-key answer: the role, its share of the votes for the key, and the phrase shown as the match.</summary>
internal readonly record struct ExactHit(int Role, float Share, int Phrase, int RunnerUp);

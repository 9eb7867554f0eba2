namespace LaborMarket.Normalization.Titles;

/// <summary>A word or word pair that keeps appearing in unmatched titles, with examples.</summary>
/// <param name="Term">The word or pair of words (cleaned).</param>
/// <param name="Count">How many unmatched titles hold it.</param>
/// <param name="Examples">Up to three distinct titles that hold it, as given.</param>
public sealed record UnmatchedTerm(string Term, int Count, IReadOnlyList<string> Examples);

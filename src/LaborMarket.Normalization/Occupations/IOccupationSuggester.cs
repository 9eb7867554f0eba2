namespace LaborMarket.Normalization.Occupations;

/// <summary>
/// Suggests occupations for a role from its title and description. The semantic package (LaborMarket.Embeddings)
/// registers one; packages that file roles under occupations take it when present and use titles alone otherwise.
/// </summary>
public interface IOccupationSuggester
{
    /// <summary>The most likely occupations for a role, best first; empty when the suggester cannot answer (not configured).</summary>
    /// <param name="title">The role's title.</param>
    /// <param name="description">What the role does, or null.</param>
    /// <param name="top">How many suggestions to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(string title, string? description, int top, CancellationToken cancellationToken = default);
}

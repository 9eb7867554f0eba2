using LaborMarket.Normalization.Occupations;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// Suggests the occupation of a featured role: from its title and description through the semantic suggester when
/// the semantic package is registered (<c>AddLaborMarketEmbeddings</c>), else from its title through the
/// <see cref="TitleNormalizer"/>. Thread-safe.
/// </summary>
public sealed class FeaturedRoleSocSuggester
{
    private readonly TitleNormalizer _titles;
    private readonly IOccupationSuggester? _semantic;

    /// <summary>Creates the suggester.</summary>
    /// <param name="titles">The title normalizer (best with the O*NET database loaded).</param>
    /// <param name="semantic">The semantic suggester, or null for titles alone.</param>
    public FeaturedRoleSocSuggester(TitleNormalizer titles, IOccupationSuggester? semantic = null)
    {
        ArgumentNullException.ThrowIfNull(titles);
        _titles = titles;
        _semantic = semantic;
    }

    /// <summary>The most likely occupations for a role, best first (empty when the title matches nothing).</summary>
    /// <param name="title">The role's title.</param>
    /// <param name="description">What the role does, or null; used only by the semantic suggester.</param>
    /// <param name="top">How many suggestions (1 to 50).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(
        string title, string? description = null, int top = 5, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 50);
        if (_semantic is not null)
        {
            var semantic = await _semantic.SuggestAsync(title, description, top, cancellationToken).ConfigureAwait(false);
            if (semantic.Count > 0)
            {
                return semantic;
            }
        }

        var explained = _titles.Explain(title, Math.Clamp(top * 3, 10, 50));
        return explained.Candidates
            .DistinctBy(c => c.Role.OnetSoc)
            .Take(top)
            .Select(c => new OccupationSuggestion(c.Role.OnetSoc, c.Role.Name, Math.Round(c.Score, 4), $"title: '{c.MatchedText}'"))
            .ToArray();
    }

    /// <summary>The most likely occupations for a featured role, from its title and description.</summary>
    /// <param name="role">The role.</param>
    /// <param name="top">How many suggestions (1 to 50).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(FeaturedRole role, int top = 5, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        return SuggestAsync(role.Title, string.IsNullOrWhiteSpace(role.Description) ? null : role.Description, top, cancellationToken);
    }
}

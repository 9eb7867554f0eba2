using System.Globalization;
using LaborMarket.Normalization.Occupations;
using Microsoft.Extensions.Options;

namespace LaborMarket.Embeddings.Occupations;

/// <summary>
/// The semantic SOC suggester behind the <see cref="IOccupationSuggester"/> hook, so packages that file roles under
/// occupations (LaborMarket.Onet's featured roles) use title and description without referencing this package.
/// Answers nothing (and they fall back to titles) while no O*NET database path is configured.
/// </summary>
internal sealed class SemanticOccupationSuggester(OnetSemanticServices services, IOptions<EmbeddingsOptions> options) : IOccupationSuggester
{
    public async Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(string title, string? description, int top, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (options.Value.OnetDatabasePath is null)
        {
            return [];
        }

        var suggester = await services.GetSocSuggesterAsync(null, cancellationToken).ConfigureAwait(false);
        var suggestions = await suggester.SuggestAsync(title, description, Math.Min(top, 50), cancellationToken).ConfigureAwait(false);
        return [.. suggestions.Select(s => new OccupationSuggestion(
            s.OnetSoc,
            s.Title,
            s.Score,
            string.Join("; ", s.Evidence.Take(3).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Kind}: '{e.Text}' ({e.Similarity:0.00})")))))];
    }
}

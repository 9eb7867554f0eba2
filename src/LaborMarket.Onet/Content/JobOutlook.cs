
namespace LaborMarket.Onet;

/// <summary>The job outlook of an occupation.</summary>
/// <param name="Category">The outlook category ("Bright", "Average", "Below Average"), or null.</param>
/// <param name="Description">The source's sentence about it, or null.</param>
/// <param name="IsBrightOutlook">True for a Bright Outlook occupation (growing fast or with many openings).</param>
/// <param name="BrightOutlookReasons">Why it is bright ("Grow Rapidly", "Numerous Job Openings"), when known.</param>
public sealed record JobOutlook(string? Category, string? Description, bool IsBrightOutlook, IReadOnlyList<string> BrightOutlookReasons)
{
    /// <summary>Equal outlooks (reasons compared in order).</summary>
    public bool Equals(JobOutlook? other) =>
        other is not null && Category == other.Category && Description == other.Description && IsBrightOutlook == other.IsBrightOutlook
        && BrightOutlookReasons.SequenceEqual(other.BrightOutlookReasons);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Category, Description, IsBrightOutlook);
}

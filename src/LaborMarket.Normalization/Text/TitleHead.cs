namespace LaborMarket.Normalization.Text;

/// <summary>Where a title's head noun is, and the "of" or "for" that splits "Director of Engineering" into rank and
/// field; -1 when there is none.</summary>
internal readonly record struct TitleHead(int Head, int OfSplit)
{
    public static TitleHead None { get; } = new(-1, -1);
}

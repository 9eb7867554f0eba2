namespace LaborMarket.Normalization.Text;

[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>In a parenthesis or a segment after " - ", "|" or a later comma: a qualifier, not the title.</summary>
    Secondary = 1,

    /// <summary>Dropped: noise, stop word, requisition number.</summary>
    Noise = 2,

    /// <summary>A seniority modifier removed from the words that identify the role ("senior", "junior").</summary>
    Seniority = 4,

    /// <summary>A level marker ("II", "3", "level").</summary>
    Level = 8,
}

/// <summary>A word of a cleaned title: a slice of the scratch text.</summary>
internal struct TitleToken
{
    public int Start;
    public int Length;
    public int StemLength;
    public int Segment;
    public TokenFlags Flags;
    public bool EndsWithDot;

    public readonly bool IsContent => (Flags & (TokenFlags.Noise | TokenFlags.Seniority | TokenFlags.Level)) == 0;
}

namespace LaborMarket.Normalization.Text;

/// <summary>The noise and level vocabularies of <see cref="TitleVocabulary"/>, read with span keys.</summary>
internal static class NoiseWords
{
    private const byte Always = 1;
    private const byte UnlessFirst = 2;

    private static readonly SpanLookup<byte> Noise = new(Kinds());
    private static readonly WordSet LevelMarkers = new(TitleVocabulary.LevelMarkers);
    private static readonly WordSet DigitWords = new(TitleVocabulary.DigitWords);
    private static readonly WordSet RomanNumerals = new(TitleVocabulary.RomanNumerals);

    /// <summary>Noise wherever it appears ("remote", "the").</summary>
    public static bool IsAlwaysNoise(ReadOnlySpan<char> word) => Noise.TryGetValue(word, out var kind) && kind == Always;

    /// <summary>Noise where it appears: always, or when it is not the title's first word ("Contract Specialist").</summary>
    public static bool IsNoise(ReadOnlySpan<char> word, bool first) => Noise.TryGetValue(word, out var kind) && (kind == Always || !first);

    public static bool IsNoisePair(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        foreach (var (first, second) in TitleVocabulary.NoisePairs)
        {
            if (a.SequenceEqual(first) && b.SequenceEqual(second))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Level", "grade", "band": a pay grade follows.</summary>
    public static bool IsLevelMarker(ReadOnlySpan<char> word) => LevelMarkers.Contains(word);

    /// <summary>A word with digits that carries meaning ("3d", "911", "401k").</summary>
    public static bool IsDigitWord(ReadOnlySpan<char> word) => DigitWords.Contains(word);

    /// <summary>The value of a Roman numeral from I to X, or 0.</summary>
    public static int RomanValue(ReadOnlySpan<char> word) => RomanNumerals.IndexOf(word) + 1;

    private static Dictionary<string, byte> Kinds()
    {
        var noise = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var w in TitleVocabulary.NoiseUnlessFirst)
        {
            noise[w] = UnlessFirst;
        }

        foreach (var w in TitleVocabulary.AlwaysNoise)
        {
            noise[w] = Always;
        }

        return noise;
    }
}

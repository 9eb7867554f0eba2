using System.Text;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>
/// A seeded generator of hostile titles: real titles mutated (inserted controls, lone surrogates, combining marks,
/// bidirectional marks, characters that decompose to many), random Unicode, long runs of abbreviations and of
/// characters that grow when folded or decomposed, and a few strings of a megabyte.
/// </summary>
internal static class HostileTitles
{
    // Characters that grow: U+FDFA decomposes (NFKD) to 18 characters, U+3377 to 2, U+2167 folds to " VIII ", U+FB03 to "ffi".
    private static readonly string[] Growers = ["\uFDFA", "\uFDFB", "\u3377", "\u33AF", "\u2167", "\u217B", "\uFB03", "\u01C4", "\u1E9B\u0323", "\u0390", "\uFF21"];

    // Characters whose compatibility decomposition is a run of letters: one word that grows when folded (the first two
    // sixfold and fivefold).
    private static readonly string[] LetterGrowers = ["\u3316", "\u3315", "\u337F", "\u3300", "\uFB03", "\u01C4", "\u33CB", "\u3250", "\u2474"];

    private static readonly string[] Oddities =
    [
        "\0", "\u0001", "\u001F", "\u007F", "\u0085", "\u00AD", "\u200B", "\u200D", "\u202E", "\u2066", "\u2069", "\uFEFF", "\uFFFD",
        "\uFFFF", "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE80", "\u0301", "\u0308\u0308\u0308", "\u20DD", "\u0E31", "\u0903",
        "\u05E9\u05DC\u05D5\u05DD", "\u0645\u062F\u064A\u0631", "\u0661\u0662", "\u0966", "\u2160", "\u00DF", "\u0130", "\u0131",
        "(", ")", "[", "]", " - ", "|", ",", ".", "&", "/", "'", "#", "+", ":", ";", "~", "\u2022", "\t", "\r\n", "  ",
    ];

    private static readonly string[] Abbreviations = LoadAbbreviations();

    // Short abbreviations of long words ("adm" = "administrative"): the expansion outgrows the input most.
    private static readonly string[] LongExpansions = LoadLongExpansions();

    /// <summary>The same <paramref name="count"/> strings for the same seed and titles.</summary>
    public static IEnumerable<string> Generate(int seed, int count, IReadOnlyList<string> realTitles)
    {
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Clear();
            if (i % 25_000 == 24_999)
            {
                yield return Megabyte(random);
                continue;
            }

            switch (i % 4)
            {
                case 0:
                    Mutate(sb, random, realTitles[random.Next(realTitles.Count)]);
                    break;
                case 1:
                    RandomUnicode(sb, random, random.Next(0, random.Next(2) == 0 ? 40 : 600));
                    break;
                case 2 when i % 8 == 2:
                    Flood(sb, random);
                    break;
                case 2:
                    Repeats(sb, random);
                    break;
                default:
                    Mutate(sb, random, realTitles[random.Next(realTitles.Count)]);
                    Repeats(sb, random);
                    Mutate(sb, random, realTitles[random.Next(realTitles.Count)]);
                    break;
            }

            yield return sb.ToString();
        }
    }

    private static void Mutate(StringBuilder sb, Random random, string title)
    {
        var start = sb.Length;
        sb.Append(title);
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var at = start + random.Next(sb.Length - start + 1);
            switch (random.Next(6))
            {
                case 0:
                    sb.Insert(at, Oddities[random.Next(Oddities.Length)]);
                    break;
                case 1:
                    sb.Insert(at, Growers[random.Next(Growers.Length)]);
                    break;
                case 2:
                    sb.Insert(at, (char)random.Next(0, 0x10000));
                    break;
                case 3 when sb.Length > start:
                    sb.Remove(start + random.Next(sb.Length - start), 1);
                    break;
                case 4:
                    sb.Insert(at, ' ' + Abbreviations[random.Next(Abbreviations.Length)] + ' ');
                    break;
                default:
                    sb.Insert(at, title);
                    break;
            }
        }
    }

    private static void RandomUnicode(StringBuilder sb, Random random, int length)
    {
        for (var i = 0; i < length; i++)
        {
            var pick = random.Next(10);
            if (pick == 0)
            {
                sb.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000) is var cp && cp is >= 0xD800 and <= 0xDFFF ? 0x1F600 : cp));
            }
            else if (pick < 3)
            {
                sb.Append((char)random.Next(0x20, 0x7F));
            }
            else
            {
                sb.Append((char)random.Next(0, 0x10000)); // lone surrogates included
            }
        }
    }

    // Long runs: abbreviations that expand to several words, characters that decompose or fold to several, initials.
    private static void Repeats(StringBuilder sb, Random random)
    {
        var unit = random.Next(4) switch
        {
            0 => Abbreviations[random.Next(Abbreviations.Length)] + " ",
            1 => Growers[random.Next(Growers.Length)],
            2 => "R.N. ",
            _ => Abbreviations[random.Next(Abbreviations.Length)] + Growers[random.Next(Growers.Length)],
        };

        var separator = random.Next(3) switch { 0 => "", 1 => " ", _ => Oddities[random.Next(Oddities.Length)] };
        for (var n = random.Next(1, 400); n > 0; n--)
        {
            sb.Append(unit).Append(separator);
        }
    }

    // As many abbreviations as a title holds words, then one word that grows when decomposed: the expanded words
    // fill every buffer the cleaner has.
    private static void Flood(StringBuilder sb, Random random)
    {
        var targeted = random.Next(2) == 0;
        var pool = targeted ? LongExpansions : Abbreviations;
        for (var n = targeted ? random.Next(42, 48) : random.Next(20, 64); n > 0; n--)
        {
            sb.Append(pool[random.Next(pool.Length)]).Append(' ');
        }

        // Growers up to the length the cleaner reads (256 characters), so that the grown word is kept.
        var grower = targeted ? LetterGrowers[random.Next(2)] : LetterGrowers[random.Next(LetterGrowers.Length)];
        var room = Math.Max(0, 256 - sb.Length);
        for (var n = targeted ? random.Next(room * 3 / 4, room + 1) : random.Next(0, 100); n > 0; n--)
        {
            sb.Append(grower);
        }
    }

    private static string Megabyte(Random random)
    {
        var unit = random.Next(3) switch { 0 => "svp ", 1 => "\uFDFA", _ => "e\u0301" };
        var sb = new StringBuilder(1 << 20);
        while (sb.Length < 1 << 20)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    private static string[] LoadLongExpansions() =>
    [
        .. LaborMarket.Normalization.Text.Abbreviations.Entries
            .Where(e => e.IndexOf('=', StringComparison.Ordinal) == 3 && e.Length > 16 && !e.Contains(' ', StringComparison.Ordinal) && !e.Contains('|', StringComparison.Ordinal))
            .Select(e => e[..e.IndexOf('=', StringComparison.Ordinal)]),
    ];

    private static string[] LoadAbbreviations() =>
        [.. LaborMarket.Normalization.Text.Abbreviations.Entries.Select(e => e[..e.IndexOf('=', StringComparison.Ordinal)]).Where(a => a.Length > 0)];
}

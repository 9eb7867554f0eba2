using System.Text.Json;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Inference.Models;

/// <summary>
/// Seniority levels as the models' saved encodings spell them (the names <see cref="SeniorityLevel"/> serializes
/// to: "senior", "vice_president"), read back without allocating.
/// </summary>
internal static class SeniorityNames
{
    private static readonly string[] Names = Enum.GetValues<SeniorityLevel>().Select(l => JsonNamingPolicy.SnakeCaseLower.ConvertName(l.ToString())).ToArray();

    /// <summary>The level's name.</summary>
    public static string Name(SeniorityLevel level) => (uint)level < (uint)Names.Length ? Names[(int)level] : "";

    /// <summary>The level a name spells, or false.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out SeniorityLevel level)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                level = (SeniorityLevel)i;
                return true;
            }
        }

        level = default;
        return false;
    }

    /// <summary>Seniority as an ordered number (intern 0 ... executive 9), the trees' feature.</summary>
    public static double Rank(SeniorityLevel level) => (uint)level < (uint)Names.Length ? (int)level : double.NaN;
}

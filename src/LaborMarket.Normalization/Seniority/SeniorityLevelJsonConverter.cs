using System.Text.Json;
using System.Text.Json.Serialization;

namespace LaborMarket.Normalization.Seniority;

/// <summary>
/// Writes a <see cref="SeniorityLevel"/> as its lower-case name ("senior", "vice_president") and reads those
/// names (or the numbers) back. Reflection-free.
/// </summary>
public sealed class SeniorityLevelJsonConverter : JsonStringEnumConverter<SeniorityLevel>
{
    private static readonly string[] Names = Enum.GetValues<SeniorityLevel>().Select(l => JsonNamingPolicy.SnakeCaseLower.ConvertName(l.ToString())).ToArray();

    /// <summary>Creates the converter.</summary>
    public SeniorityLevelJsonConverter()
        : base(JsonNamingPolicy.SnakeCaseLower)
    {
    }

    /// <summary>The name a level is written as ("senior", "vice_president").</summary>
    internal static string Name(SeniorityLevel level) => (uint)level < (uint)Names.Length ? Names[(int)level] : level.ToString().ToLowerInvariant();
}

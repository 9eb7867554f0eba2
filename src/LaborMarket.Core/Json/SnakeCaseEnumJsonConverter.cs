using System.Text.Json;
using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Json;

/// <summary>
/// Writes an enum of the LaborMarket packages as its snake_case name ("senior", "vice_president", "metro",
/// "top_coded") and reads those names (or the numbers) back. Reflection-free.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class SnakeCaseEnumJsonConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Creates the converter.</summary>
    public SnakeCaseEnumJsonConverter()
        : base(JsonNamingPolicy.SnakeCaseLower)
    {
    }
}

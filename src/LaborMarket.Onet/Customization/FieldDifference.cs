using System.Text.Json.Serialization;
using LaborMarket.Json;

namespace LaborMarket.Onet.Customization;

/// <summary>How a field differs between the custom profile and its baseline.</summary>
/// <param name="Field">The field.</param>
/// <param name="Added">Values in the custom profile and not in the baseline.</param>
/// <param name="Removed">Values in the baseline and not in the custom profile.</param>
public sealed record FieldDifference(OccupationField Field, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

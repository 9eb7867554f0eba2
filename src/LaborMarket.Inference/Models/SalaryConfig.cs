using System.Text.Json.Serialization;

namespace LaborMarket.Inference.Models;

/// <summary>What a salary model keeps from training (config.json): its features and the category codes.</summary>
internal sealed record SalaryConfig(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("features")] string[] Features,
    [property: JsonPropertyName("roles")] string[] Roles,
    [property: JsonPropertyName("locations")] string[] Locations,
    [property: JsonPropertyName("sources")] string[] Sources,
    [property: JsonPropertyName("employer_records")] Dictionary<string, int> EmployerRecords);


namespace LaborMarket.Onet;

/// <summary>A tool used in the occupation.</summary>
/// <param name="Example">The tool, such as "Stethoscopes".</param>
/// <param name="Category">Its UNSPSC commodity title.</param>
public sealed record OccupationTool(string Example, string Category);

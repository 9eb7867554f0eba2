
namespace LaborMarket.Onet;

/// <summary>A technology (software) used in the occupation.</summary>
/// <param name="Example">The product, such as "Microsoft Excel".</param>
/// <param name="Category">Its UNSPSC commodity title, such as "Spreadsheet software".</param>
/// <param name="IsHotTechnology">O*NET's "hot technology" flag (frequently in job postings).</param>
public sealed record TechnologySkill(string Example, string Category, bool IsHotTechnology);

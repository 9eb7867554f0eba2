
namespace LaborMarket.Onet;

/// <summary>The share of incumbents who say a level of education is required.</summary>
/// <param name="Category">O*NET's category number (1 less than high school ... 12 post-doctoral).</param>
/// <param name="Level">The category's description.</param>
/// <param name="Percent">Percent of respondents.</param>
public sealed record EducationLevel(int Category, string Level, double Percent);

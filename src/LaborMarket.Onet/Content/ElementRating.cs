
namespace LaborMarket.Onet;

/// <summary>A rated element of the content model (a skill, a knowledge area or an ability).</summary>
/// <param name="Id">O*NET's element id, such as "2.A.1.a".</param>
/// <param name="Name">The element's name, such as "Reading Comprehension".</param>
/// <param name="Importance">Importance, 0-100 (O*NET's 1-5 scale rescaled), or null.</param>
/// <param name="Level">Level, 0-100 (O*NET's 0-7 scale rescaled), or null.</param>
public sealed record ElementRating(string Id, string Name, double? Importance, double? Level);

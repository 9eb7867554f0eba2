namespace LaborMarket.Onet.Skills;

/// <summary>One entry of a skill profile.</summary>
/// <param name="Id">O*NET's element id ("2.A.2.a") for a rated skill or knowledge area; the name for a technology or tool.</param>
/// <param name="Name">The name ("Critical Thinking", "Microsoft Excel").</param>
/// <param name="Kind">What the entry is.</param>
/// <param name="Weight">
/// How much it counts, 0 to 1: for a rating its importance rescaled from O*NET's 1-5; for a technology 1 when O*NET
/// marks it a hot technology and 0.5 otherwise; for a tool 0.5.
/// </param>
/// <param name="Level">O*NET's level (0-7) for a rating, or null.</param>
public sealed record SkillEntry(string Id, string Name, SkillKind Kind, double Weight, double? Level);

using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Programs;

/// <summary>An occupation ranked for a program.</summary>
/// <param name="Occupation">The occupation, with its O*NET occupations.</param>
/// <param name="InCrosswalk">True when NCES's crosswalk links the program to the occupation; false when it is listed for its skills alone.</param>
/// <param name="Source">Which O*NET data the occupation's skill profile came from (ratings, or the technology and tools fallback).</param>
/// <param name="Overlap">The skills the occupation and the program have in common, with the weighted similarity.</param>
public sealed record OccupationMatch(CrosswalkOccupation Occupation, bool InCrosswalk, SkillProfileSource Source, SkillOverlap Overlap);

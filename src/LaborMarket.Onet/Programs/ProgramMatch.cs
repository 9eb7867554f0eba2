using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Programs;

/// <summary>A program ranked for an occupation.</summary>
/// <param name="Program">The program.</param>
/// <param name="InCrosswalk">True when NCES's crosswalk links the program to the occupation; false when it is listed for its skills alone.</param>
/// <param name="Overlap">What the occupation needs and the program covers ("8 skills in common"), with the weighted similarity.</param>
public sealed record ProgramMatch(CipProgram Program, bool InCrosswalk, SkillOverlap Overlap);

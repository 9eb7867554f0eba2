using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Programs;

/// <summary>The programs that lead to an occupation, best first.</summary>
/// <param name="Requested">The code asked for (a SOC 2010 code is answered through its SOC 2018 codes).</param>
/// <param name="Occupations">The SOC 2018 occupations answered for: the code itself, or every part of a split SOC 2010 code.</param>
/// <param name="Source">Which O*NET data the occupation's skill profile came from (say so when showing the overlap).</param>
/// <param name="Programs">The programs: those the crosswalk links first, then those over the similarity threshold; each group by similarity.</param>
public sealed record ProgramsForOccupation(SocCode Requested, IReadOnlyList<CrosswalkOccupation> Occupations, SkillProfileSource Source, IReadOnlyList<ProgramMatch> Programs);

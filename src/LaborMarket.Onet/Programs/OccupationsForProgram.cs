namespace LaborMarket.Onet.Programs;

/// <summary>The occupations a program prepares for, best first.</summary>
/// <param name="Program">The program asked for, with its title and definition (null when neither the crosswalk nor the code list has it).</param>
/// <param name="Requested">The code asked for (a series or family answers for every program in it).</param>
/// <param name="Occupations">The occupations: those the crosswalk links first, then those over the similarity threshold; each group by similarity.</param>
public sealed record OccupationsForProgram(CipCode Requested, CipProgram? Program, IReadOnlyList<OccupationMatch> Occupations);

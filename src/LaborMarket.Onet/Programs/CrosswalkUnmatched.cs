namespace LaborMarket.Onet.Programs;

/// <summary>
/// The crosswalk's NO MATCH rows: programs NCES links to no occupation (SOC 99-9999) and occupations it links to
/// no program (CIP 99.9999). They are kept out of every answer and reported here.
/// </summary>
/// <param name="Programs">Programs with no occupation.</param>
/// <param name="Occupations">SOC codes with no program, with their titles.</param>
public sealed record CrosswalkUnmatched(IReadOnlyList<CipProgram> Programs, IReadOnlyList<CrosswalkOccupation> Occupations);

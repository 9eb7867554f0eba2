namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>One occupation's row of a crosswalk-counts table ("4 Open Roles", "8 Programs").</summary>
/// <param name="Soc">The SOC 2018 code.</param>
/// <param name="Title">Its title as the crosswalk names it, or empty when no program in the crosswalk leads to it.</param>
/// <param name="Roles">Featured roles filed under it.</param>
/// <param name="Programs">Programs that lead to it, by the crosswalk or by skills (each counted once).</param>
/// <param name="ProgramsByCrosswalk">Of those, programs the CIP-SOC crosswalk links to it.</param>
/// <param name="ProgramsBySkills">Of those, programs linked only by skills in common.</param>
public sealed record OccupationCount(SocCode Soc, string Title, int Roles, int Programs, int ProgramsByCrosswalk, int ProgramsBySkills);

using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// Per occupation, how many featured roles and how many programs match: the table behind "4 Open Roles, 8 Programs".
/// Computed in one pass over the roles and programs.
/// </summary>
/// <param name="Occupations">One row per occupation with a role or a program, most roles first, then most programs.</param>
/// <param name="MinSharedSkills">The skills in common from which a program counts for an occupation without a crosswalk link (0: crosswalk only).</param>
public sealed record CrosswalkCounts(IReadOnlyList<OccupationCount> Occupations, int MinSharedSkills)
{
    /// <summary>Counts roles and programs per occupation.</summary>
    /// <param name="roles">The featured roles (each counts for the SOC of its occupation).</param>
    /// <param name="programs">The programs (each counts for the occupations the crosswalk links it to).</param>
    /// <param name="crosswalk">The CIP-SOC crosswalk.</param>
    /// <param name="skills">
    /// O*NET skill profiles: a program with its own skills also counts for an occupation of the table with which it shares at
    /// least <paramref name="minSharedSkills"/>; null to count by the crosswalk only.
    /// </param>
    /// <param name="minSharedSkills">The skills in common that link a program to an occupation (at least 1).</param>
    public static CrosswalkCounts Compute(
        IEnumerable<FeaturedRole> roles, IEnumerable<OfferedProgram> programs, CipSocCrosswalk crosswalk, OccupationSkills? skills = null, int minSharedSkills = 5)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(programs);
        ArgumentNullException.ThrowIfNull(crosswalk);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSharedSkills, 1);
        var rows = new Dictionary<SocCode, Row>();
        foreach (var role in roles)
        {
            RowOf(rows, role.Code.Soc).Roles++;
        }

        var offered = programs.DistinctBy(p => p.Code).ToArray();
        foreach (var program in offered)
        {
            foreach (var occupation in crosswalk.OccupationsFor(program.Code))
            {
                RowOf(rows, occupation.Soc).ByCrosswalk.Add(program.Code);
            }
        }

        if (skills is not null)
        {
            var withSkills = offered.Where(p => p.Skills.Count > 0).Select(p => (p.Code, Profile: SkillProfile.FromList(p.Skills))).ToArray();
            foreach (var (soc, row) in rows)
            {
                var occupation = withSkills.Length > 0 ? skills.For(soc) : null;
                foreach (var (code, profile) in withSkills)
                {
                    if (!row.ByCrosswalk.Contains(code) && SkillOverlap.Between(occupation!, profile).Count >= minSharedSkills)
                    {
                        row.BySkills.Add(code);
                    }
                }
            }
        }

        var table = rows
            .Select(p => new OccupationCount(
                p.Key, crosswalk.FindOccupation(p.Key)?.Title ?? "", p.Value.Roles, p.Value.ByCrosswalk.Count + p.Value.BySkills.Count,
                p.Value.ByCrosswalk.Count, p.Value.BySkills.Count))
            .OrderByDescending(c => c.Roles).ThenByDescending(c => c.Programs).ThenBy(c => c.Soc)
            .ToArray();
        return new CrosswalkCounts(table, skills is null ? 0 : minSharedSkills);
    }

    /// <summary>Equal tables (rows compared in order).</summary>
    public bool Equals(CrosswalkCounts? other) => other is not null && MinSharedSkills == other.MinSharedSkills && Occupations.SequenceEqual(other.Occupations);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(MinSharedSkills, Occupations.Count);

    private static Row RowOf(Dictionary<SocCode, Row> rows, SocCode soc)
    {
        if (!rows.TryGetValue(soc, out var row))
        {
            rows[soc] = row = new Row();
        }

        return row;
    }

    private sealed class Row
    {
        public int Roles { get; set; }

        public HashSet<CipCode> ByCrosswalk { get; } = [];

        public HashSet<CipCode> BySkills { get; } = [];
    }
}

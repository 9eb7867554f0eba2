using System.Collections.Frozen;

namespace LaborMarket.Bls.Fallback;

/// <summary>
/// SOC 2018 detailed occupations that OEWS does not publish on their own but within a combined code of its
/// own (21-1011 and 21-1014 within 21-1018). Read off the OEWS 2024 national file against the SOC 2018
/// list of the BLS SOC 2010 -> 2018 crosswalk (a test checks each pair against both files). Combined codes that
/// are broad occupations (13-1020) need no entry: the occupational fallback reaches them.
/// </summary>
/// <remarks>
/// Core's <see cref="OnetSocCode.Soc"/> folds two of these rows (21-1018, 51-2028) itself, the ones O*NET's own codes
/// are reported under; it stays a short switch in Core rather than reading this table, which is OEWS's publishing
/// and Bls's concern (a test checks the two agree).
/// </remarks>
internal static class OewsAggregates
{
    private static readonly (int Aggregate, int[] Members)[] Table =
    [
        (211018, [211011, 211014]),                 // Substance Abuse, Behavioral Disorder, and Mental Health Counselors
        (252052, [252055, 252056]),                 // Special Education Teachers, Kindergarten and Elementary School
        (259045, [259042, 259043, 259049]),         // Teaching Assistants, Except Postsecondary
        (512028, [512022, 512023]),                 // Electrical, Electronic, and Electromechanical Assemblers
        (531047, [531042, 531043, 531044, 531049]), // First-Line Supervisors of Transportation and Material Moving Workers
    ];

    private static readonly FrozenDictionary<int, int> ByMember = Table
        .SelectMany(t => t.Members.Select(m => KeyValuePair.Create(m, t.Aggregate)))
        .ToFrozenDictionary();

    /// <summary>Every (member, combined code) pair.</summary>
    internal static IEnumerable<(SocCode Member, SocCode Aggregate)> Pairs =>
        ByMember.Select(p => (SocCode.FromValue(p.Key), SocCode.FromValue(p.Value)));

    /// <summary>The combined OEWS code a detailed occupation is published within, or null.</summary>
    internal static SocCode? Of(SocCode code) =>
        ByMember.TryGetValue(code.Value, out var aggregate) ? SocCode.FromValue(aggregate) : null;
}

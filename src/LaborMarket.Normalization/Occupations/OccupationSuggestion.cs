namespace LaborMarket.Normalization.Occupations;

/// <summary>An occupation suggested for a role.</summary>
/// <param name="Code">The O*NET-SOC occupation.</param>
/// <param name="Title">Its title.</param>
/// <param name="Score">How strongly the evidence points to it (0 to 1; higher is likelier).</param>
/// <param name="Evidence">What matched, such as "title: 'software engineer'" or "description".</param>
public sealed record OccupationSuggestion(OnetSocCode Code, string Title, double Score, string Evidence)
{
    /// <summary>The SOC code of <see cref="Code"/>.</summary>
    public SocCode Soc => Code.Soc;
}

using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Inference.Models;

/// <summary>
/// One normalized job record, the input of the salary, archetype and headcount models: the role, occupation and
/// seniority a title normalized to, the state of the job, who offers it, where the record came from, and its pay.
/// Build records from raw rows with <see cref="Records.JobRecords.FromRows"/>.
/// </summary>
/// <param name="RoleId">The canonical role id the title normalized to (or the SOC code's text when records come labelled).</param>
/// <param name="Soc">The role's SOC code.</param>
/// <param name="Seniority">The seniority level.</param>
/// <param name="State">The state of the worksite.</param>
/// <param name="Employer">The employer or department ("" when unknown).</param>
/// <param name="Source">The data source ("h1b", "payroll", ...).</param>
/// <param name="Salary">Annual pay as given, or null when blank.</param>
/// <param name="Date">When the record was made, or null (time-based splits need it).</param>
public sealed record JobRecord(string RoleId, SocCode Soc, SeniorityLevel Seniority, UsState State, string Employer, string Source,
    double? Salary = null, DateOnly? Date = null);

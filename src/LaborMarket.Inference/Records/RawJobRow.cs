namespace LaborMarket.Inference.Records;

/// <summary>One row of a file of job records as read, before its title is normalized.</summary>
/// <param name="Title">The raw job title ("RN - ICU NIGHTS").</param>
/// <param name="Place">Where the job is: "Tampa, FL", "SAN JOSE, CALIFORNIA", "CA", or null (see <see cref="JobRecordOptions.State"/>).</param>
/// <param name="Pay">Annual pay, or null when blank.</param>
/// <param name="Employer">The employer or department, or null.</param>
/// <param name="Date">When the record was made, or null.</param>
public sealed record RawJobRow(string? Title, string? Place, double? Pay, string? Employer = null, DateOnly? Date = null);

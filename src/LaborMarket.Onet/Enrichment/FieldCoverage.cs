using System.Collections.Concurrent;

namespace LaborMarket.Onet.Enrichment;

/// <summary>The share of found occupations (percent, 0-100) that have each kind of content.</summary>
/// <param name="Tasks">With at least one task.</param>
/// <param name="Tools">With at least one tool.</param>
/// <param name="TechnologySkills">With at least one technology skill.</param>
/// <param name="Education">With education data.</param>
/// <param name="JobZone">With a job zone.</param>
/// <param name="Outlook">With a job outlook.</param>
/// <param name="Skills">With rated skills.</param>
public sealed record FieldCoverage(double Tasks, double Tools, double TechnologySkills, double Education, double JobZone, double Outlook, double Skills);

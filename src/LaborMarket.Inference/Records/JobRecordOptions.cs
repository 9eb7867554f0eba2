namespace LaborMarket.Inference.Records;

/// <summary>How <see cref="JobRecords.FromRows"/> turns raw rows into records.</summary>
public sealed record JobRecordOptions
{
    /// <summary>The data source's name, given to every record ("h1b", "payroll"). Default "".</summary>
    public string Source { get; init; } = "";

    /// <summary>The state of every row whose place is blank or names no state (a file from one city), or null to drop such rows.</summary>
    public UsState? State { get; init; }
}

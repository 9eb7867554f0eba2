using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Titles;

// The fixed column names of the title step; the estimator copies them to the user's names.
internal static class TitleColumns
{
    public const string Prefix = "__LaborMarket_Title_";
    public const string Input = Prefix + "Input";
    public const string RoleId = Prefix + "RoleId";
    public const string SocCode = Prefix + "SocCode";
    public const string MajorGroup = Prefix + "MajorGroup";
    public const string Seniority = Prefix + "Seniority";
    public const string Confidence = Prefix + "Confidence";

    public static readonly string[] All = [Input, RoleId, SocCode, MajorGroup, Seniority, Confidence];
}

/// <summary>The raw title.</summary>
internal sealed class TitleInputRow
{
    [ColumnName(TitleColumns.Input)]
    public string? Title { get; set; }
}

/// <summary>What the normalizer says of a title.</summary>
internal sealed class TitleFeaturesRow
{
    [ColumnName(TitleColumns.RoleId)]
    public string RoleId { get; set; } = "";

    [ColumnName(TitleColumns.SocCode)]
    public string SocCode { get; set; } = "";

    [ColumnName(TitleColumns.MajorGroup)]
    public float MajorGroup { get; set; }

    [ColumnName(TitleColumns.Seniority)]
    public float Seniority { get; set; }

    [ColumnName(TitleColumns.Confidence)]
    public float Confidence { get; set; }
}

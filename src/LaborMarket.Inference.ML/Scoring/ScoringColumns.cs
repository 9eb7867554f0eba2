using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Scoring;

// The fixed column names the scoring steps read and write; the estimator copies the user's columns to and from them.
internal static class ScoringColumns
{
    public const string Prefix = "__LaborMarket_LightGbm_";
    public const string Key = Prefix + "Key";
    public const string Model = Prefix + "Model";
    public const string Features = Prefix + "Features";
    public const string Score = Prefix + "Score";
    public const string Scores = Prefix + "Scores";
    public const string Raw = Prefix + "Raw";
    public const string Raws = Prefix + "Raws";
    public const string Leaves = Prefix + "Leaves";
    public const string Contributions = Prefix + "Contributions";
}

/// <summary>No input: the step that adds the constant key under which the model text is stored.</summary>
internal sealed class NoInput
{
}

/// <summary>The constant key of the stored model text.</summary>
internal sealed class ModelKeyRow
{
    [ColumnName(ScoringColumns.Key)]
    public uint Key { get; set; }
}

/// <summary>A row to score with single-precision features (ML.NET's usual feature vectors).</summary>
internal sealed class SingleFeaturesRow
{
    [ColumnName(ScoringColumns.Features)]
    public float[] Features { get; set; } = [];

    [ColumnName(ScoringColumns.Model)]
    public ReadOnlyMemory<char> Model { get; set; }
}

/// <summary>A row to score with double-precision features.</summary>
internal sealed class DoubleFeaturesRow
{
    [ColumnName(ScoringColumns.Features)]
    public double[] Features { get; set; } = [];

    [ColumnName(ScoringColumns.Model)]
    public ReadOnlyMemory<char> Model { get; set; }
}

/// <summary>Everything the managed engine gives for a row; only the requested parts are computed.</summary>
internal sealed class ScoredRow
{
    [ColumnName(ScoringColumns.Score)]
    public double Score { get; set; }

    [ColumnName(ScoringColumns.Scores)]
    public double[] Scores { get; set; } = [];

    [ColumnName(ScoringColumns.Raw)]
    public double Raw { get; set; }

    [ColumnName(ScoringColumns.Raws)]
    public double[] Raws { get; set; } = [];

    [ColumnName(ScoringColumns.Leaves)]
    public double[] Leaves { get; set; } = [];

    [ColumnName(ScoringColumns.Contributions)]
    public double[] Contributions { get; set; } = [];
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LaborMarket.Inference;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;

namespace LaborMarket.Cli.Pipeline;

/// <summary>
/// The pipeline's metrics.json: the models' metrics as the library serializes them (<see cref="InferenceJsonContext"/>,
/// snake_case, every metric beside its baseline), with the pipeline's own counts around them.
/// </summary>
internal static class PipelineMetrics
{
    // snake_case names; a metric that is not a number (an AUC over one class) is written as "NaN".
    private static readonly InferenceJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });

    public static JsonObject Create(string source, JobRecordBatch batch, int archetypes, SalaryMetrics? salary, string? salaryVersion,
        ArchetypeMetrics? archetype, HeadcountMetrics? headcount, bool oewsSkipped, List<double> ratios)
    {
        var root = new JsonObject
        {
            ["source"] = source,
            ["normalization"] = new JsonObject
            {
                ["rows"] = batch.Rows,
                ["matched_rows"] = batch.MatchedRows,
                ["match_rate"] = Math.Round(batch.MatchedRows / (double)Math.Max(1, batch.Rows), 4),
                ["distinct_titles"] = batch.DistinctTitles,
                ["matched_titles"] = batch.MatchedTitles,
                ["title_match_rate"] = Math.Round(batch.MatchedTitles / (double)Math.Max(1, batch.DistinctTitles), 4),
            },
            ["records"] = batch.Records.Count,
            ["dropped_rows"] = new JsonObject { ["no_role"] = batch.NoRole, ["no_place"] = batch.NoPlace },
            ["left_out_of_salary_model"] = new JsonObject { ["blank_pay"] = batch.BlankPay, ["implausible_pay"] = batch.ImplausiblePay },
            ["archetypes"] = archetypes,
        };
        if (salary is not null)
        {
            var node = JsonSerializer.SerializeToNode(salary, Context.SalaryMetrics)!.AsObject();
            if (salaryVersion is not null)
            {
                node["registry_version"] = salaryVersion;
            }

            root["salary"] = node;
        }

        if (archetype is not null)
        {
            root["archetype"] = JsonSerializer.SerializeToNode(archetype, Context.ArchetypeMetrics);
        }

        if (headcount is not null)
        {
            root["headcount"] = JsonSerializer.SerializeToNode(headcount, Context.HeadcountMetrics);
        }

        var oews = new JsonObject { ["skipped"] = oewsSkipped, ["rows_compared"] = ratios.Count };
        if (ratios.Count > 0)
        {
            ratios.Sort();
            oews["median_ratio_estimate_to_oews"] = Math.Round(ratios[ratios.Count / 2], 4);
            oews["share_within_25_percent"] = Math.Round(ratios.Count(r => r is >= 0.75 and <= 1.25) / (double)ratios.Count, 4);
        }

        root["oews_comparison"] = oews;
        return root;
    }
}

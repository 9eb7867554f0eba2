using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Records;
using LaborMarket.Inference.Tests.Models;
using LaborMarket.Inference.Tests.Records;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Inference.Tests;

/// <summary>The package's public results are plain data: serialize, deserialize, and the value is equal.</summary>
public class InferenceJsonContextTests
{
    private static readonly InferenceJsonContext SnakeCase = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    });

    [DataFact]
    public void RoundTrip_TrainedMetrics_Equal()
    {
        var salary = H1bRecords.SalaryModel.Metrics!;
        var archetype = H1bRecords.ArchetypeModel.Metrics!;
        var headcount = H1bRecords.HeadcountModel.Metrics!;

        AssertRoundTrips(salary, InferenceJsonContext.Default.SalaryMetrics, SnakeCase.SalaryMetrics);
        AssertRoundTrips(archetype, InferenceJsonContext.Default.ArchetypeMetrics, SnakeCase.ArchetypeMetrics);
        AssertRoundTrips(headcount, InferenceJsonContext.Default.HeadcountMetrics, SnakeCase.HeadcountMetrics);
        Assert.Equal(salary, JsonSerializer.Deserialize<SalaryMetrics>(JsonSerializer.Serialize(salary)));
    }

    [DataFact]
    public void RoundTrip_EstimateAndScore_Equal()
    {
        var record = H1bRecords.Records[0];
        var estimate = H1bRecords.SalaryModel.Estimate(record);
        var score = H1bRecords.ArchetypeModel.Predict(record);

        AssertRoundTrips(estimate, InferenceJsonContext.Default.SalaryEstimate, SnakeCase.SalaryEstimate);
        AssertRoundTrips(score, InferenceJsonContext.Default.ArchetypeScore, SnakeCase.ArchetypeScore);
    }

    [DataFact]
    public void Serialize_JobRecord_WritesTheCodesAsText()
    {
        var record = JobRecords.FromRows(RawRows.H1b().Take(50).ToArray(), TitleNormalizer.Default).Records[0];

        var json = JsonSerializer.Serialize(record, SnakeCase.JobRecord);

        using var doc = JsonDocument.Parse(json);
        Assert.Equal(record.Soc.ToString(), doc.RootElement.GetProperty("soc").GetString());
        Assert.Equal(record.State.Code, doc.RootElement.GetProperty("state").GetString());
        Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Seniority.ToString()), doc.RootElement.GetProperty("seniority").GetString());
        AssertRoundTrips(record, InferenceJsonContext.Default.JobRecord, SnakeCase.JobRecord);
    }

    [DataFact]
    public void RoundTrip_JobRecordBatch_SameRecordsAndCounts()
    {
        var batch = JobRecords.FromRows(RawRows.H1b().Take(300).ToArray(), TitleNormalizer.Default, new JobRecordOptions { Source = "h1b" });

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(batch, InferenceJsonContext.Default.JobRecordBatch), InferenceJsonContext.Default.JobRecordBatch)!;

        Assert.Equal(batch.Records, back.Records);
        Assert.Equal(batch.SourceRows, back.SourceRows);
        Assert.Equal(batch with { Records = back.Records, SourceRows = back.SourceRows }, back);
    }

    [Fact]
    public void RoundTrip_DataSplit_SameRows()
    {
        var split = DataSplit.Random(100, seed: 3);

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(split, InferenceJsonContext.Default.DataSplit), InferenceJsonContext.Default.DataSplit)!;

        Assert.Equal(split.Train, back.Train);
        Assert.Equal(split.Validation, back.Validation);
        Assert.Equal(split.Test, back.Test);
    }

    [Fact]
    public void RoundTrip_MetricsOverOneClass_KeepsNaN()
    {
        // AUC over labels of one class is not a number: it is written as "NaN", not refused.
        var metrics = ModelMetrics.Binary([1, 1, 1], [0.2, 0.7, 0.9]);

        Assert.True(double.IsNaN(metrics.Auc));
        AssertRoundTrips(metrics, InferenceJsonContext.Default.BinaryMetrics, SnakeCase.BinaryMetrics);
    }

    private static void AssertRoundTrips<T>(T value, JsonTypeInfo<T> pascal, JsonTypeInfo<T> snake)
    {
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, pascal), pascal));
        Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(value, snake), snake));
    }
}

namespace LaborMarket.Inference.Tests.Models;

/// <summary>Scoring a record allocates nothing but the result.</summary>
public class PredictionAllocationTests
{
    [DataFact]
    public void Predict_TrainedModels_AllocatesOnlyTheResult()
    {
        var records = H1bRecords.Records.Take(200).ToArray();
        var (archetype, headcount, salary) = (H1bRecords.ArchetypeModel, H1bRecords.HeadcountModel, H1bRecords.SalaryModel);
        double Score()
        {
            var sum = 0.0;
            foreach (var r in records)
            {
                sum += archetype.Predict(r).Probability + headcount.Predict(r.Employer, r.RoleId) + salary.Estimate(r).Median;
            }

            return sum;
        }

        Score(); // warm up: the first calls compile and fill caches
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = Score();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(double.IsFinite(total));
        // One ArchetypeScore (32 bytes) and one SalaryEstimate (40 bytes) per record, nothing else.
        Assert.True(allocated <= records.Length * (32 + 40), $"{allocated} bytes for {records.Length} records");
    }
}

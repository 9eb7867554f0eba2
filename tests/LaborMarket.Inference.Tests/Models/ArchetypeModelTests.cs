using LaborMarket.Inference.Models;
using LaborMarket.Inference.Registry;
using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Inference.Tests.Models;

public class ArchetypeModelTests
{
    [DataFact]
    public void Train_H1bRecords_ReportsBaselineAndCallsBothClasses()
    {
        var model = H1bRecords.ArchetypeModel;

        var m = model.Metrics!;
        Assert.True(m.PredictsBothClasses);
        Assert.InRange(m.Test.Auc, 0.5, 1.0);
        Assert.InRange(m.Baseline.Auc, 0.0, 1.0);
        Assert.Equal(m.Test.Auc > m.Baseline.Auc, m.BeatsBaseline);
        Assert.InRange(m.Threshold, 0.0, 1.0);
        Assert.True(m.Test.Recall < 1.0 || m.Test.Precision > 0.5, "a threshold that calls every pair yes");
    }

    [DataFact]
    public void Predict_UnseenPair_GivesAProbability()
    {
        var model = H1bRecords.ArchetypeModel;

        var score = model.Predict("NO SUCH EMPLOYER LLC", "15-1132", SeniorityLevel.Senior, UsState.Parse("WY"));

        Assert.InRange(score.Probability, 0.0, 1.0);
        Assert.Equal(score.Probability >= model.Threshold, score.Exists);
    }

    [DataFact]
    public void SaveLoad_Registry_PredictsTheSame()
    {
        var model = H1bRecords.ArchetypeModel;
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);

        model.Save(registry, "archetype");
        var loaded = ArchetypeModel.Load(registry, "archetype");

        Assert.Equal(model.Threshold, loaded.Threshold);
        foreach (var r in H1bRecords.Records.Take(50))
        {
            Assert.Equal(model.Predict(r), loaded.Predict(r));
            Assert.Equal(model.Predict(r), model.Predict(r.Employer, r.RoleId, r.Seniority, r.State));
        }
    }

    [Fact]
    public void SeparatingThreshold_BalancedScores_CallsBothClasses()
    {
        double[] labels = [1, 1, 1, 0, 1, 0, 0, 0];
        double[] scores = [0.9, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.3];

        var t = ArchetypeModel.SeparatingThreshold(labels, scores);

        // Yes for 0.9, 0.8, 0.7 (J = 0.75, as at 0.6); never below the lowest score.
        Assert.Equal(0.7, t);
        Assert.Contains(scores, s => s < t);
    }
}

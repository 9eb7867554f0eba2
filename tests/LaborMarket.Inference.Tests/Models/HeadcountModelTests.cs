using LaborMarket.Inference.Models;
using LaborMarket.Inference.Registry;

namespace LaborMarket.Inference.Tests.Models;

public class HeadcountModelTests
{
    [DataFact]
    public void Train_H1bRecords_ReportsTheBaselineBeside()
    {
        var model = H1bRecords.HeadcountModel;

        var m = model.Metrics!;
        Assert.True(m.Groups >= 50);
        Assert.True(m.ModelDeviance >= 0 && m.BaselineDeviance >= 0);
        Assert.Equal(m.ModelDeviance < m.BaselineDeviance && m.Model.Mae < m.Baseline.Mae, m.BeatsBaseline);
    }

    [DataFact]
    public void Predict_UnseenAndSavedPairs_PositiveAndSameAfterLoad()
    {
        var model = H1bRecords.HeadcountModel;
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);
        model.Save(registry, "headcount");
        var loaded = HeadcountModel.Load(registry, "headcount");

        Assert.True(model.Predict("NO SUCH EMPLOYER LLC", "99-9999") > 0);
        foreach (var r in H1bRecords.Records.Take(50))
        {
            Assert.Equal(model.Predict(r.Employer, r.RoleId), loaded.Predict(r.Employer, r.RoleId));
        }
    }

    [DataFact]
    public void Load_ArchetypeModelAsHeadcount_IsRefused()
    {
        var registry = new ModelRegistry(Directory.CreateTempSubdirectory().FullName);
        H1bRecords.ArchetypeModel.Save(registry, "archetype");

        Assert.Throws<LaborMarketFormatException>(() => HeadcountModel.Load(registry, "archetype"));
    }
}

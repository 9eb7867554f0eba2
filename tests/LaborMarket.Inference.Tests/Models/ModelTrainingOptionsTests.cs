using System.Collections.Concurrent;
using LaborMarket.Inference.Models;
using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Tests.Models;

public class ModelTrainingOptionsTests
{
    [Fact]
    public void Trainer_Default_IsTheManagedTrainer()
    {
        Assert.Same(GbdtTrainer.Default, new ModelTrainingOptions().Trainer);
    }

    [DataFact]
    public void Trainer_Given_TrainsEverySeedModel()
    {
        var trainer = new RecordingTrainer();
        var options = new ModelTrainingOptions { Trainer = trainer, Parameters = new GbdtParameters { NumIterations = 20, MinDataInLeaf = 10 } };

        SalaryModel.Train(H1bRecords.Records, options);
        ArchetypeModel.Train(H1bRecords.Records, options);
        HeadcountModel.Train(H1bRecords.Records, options);

        Assert.Equal(
            ["Binary 0.9", "Poisson 0.9", "Quantile 0.1", "Quantile 0.5", "Quantile 0.9"],
            trainer.Calls.Select(p => $"{p.Objective} {p.Alpha.ToString(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));
    }

    // The managed trainer, noting the parameters of each call.
    private sealed class RecordingTrainer : IGbdtTrainer
    {
        public ConcurrentBag<GbdtParameters> Calls { get; } = [];

        public TrainingResult Train(TrainingSet train, GbdtParameters parameters, TrainingSet? validation = null, CancellationToken cancellationToken = default)
        {
            Calls.Add(parameters);
            return GbdtTrainer.Train(train, parameters, validation, null, cancellationToken);
        }
    }
}

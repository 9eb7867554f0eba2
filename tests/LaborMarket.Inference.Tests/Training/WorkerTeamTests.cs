using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Tests.Training;

public class WorkerTeamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void For_ManyLoopsShortAndLong_RunsEveryItemOnce(int threads)
    {
        using var team = new WorkerTeam(threads);
        var runs = new int[5_000];
        var threadsSeen = new HashSet<int>();
        for (var loop = 0; loop < 2_000; loop++)
        {
            var count = 1 + (loop % 7 == 0 ? 2_000 : loop % 13);
            team.For(count, i =>
            {
                Interlocked.Increment(ref runs[i]);
                if (loop % 97 == 0)
                {
                    Thread.SpinWait(2_000);
                    lock (threadsSeen)
                    {
                        threadsSeen.Add(Environment.CurrentManagedThreadId);
                    }
                }
            });
        }

        var expected = new int[runs.Length];
        for (var loop = 0; loop < 2_000; loop++)
        {
            var count = 1 + (loop % 7 == 0 ? 2_000 : loop % 13);
            for (var i = 0; i < count; i++)
            {
                expected[i]++;
            }
        }

        Assert.Equal(expected, runs);
        Assert.InRange(threadsSeen.Count, 1, threads);
    }

    [Fact]
    public void For_ItemThrows_TheCallerGetsItAndTheTeamGoesOn()
    {
        using var team = new WorkerTeam(2);

        var error = Assert.Throws<AggregateException>(() => team.For(100, i =>
        {
            if (i == 37)
            {
                throw new InvalidOperationException("item 37");
            }
        }));
        var sum = 0;
        team.For(100, i => Interlocked.Add(ref sum, i));

        Assert.Equal("item 37", Assert.IsType<InvalidOperationException>(error.InnerException).Message);
        Assert.Equal(4_950, sum);
    }

    [Fact]
    public void For_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        using var team = new WorkerTeam(2, cancel.Token);
        team.For(10, _ => { });
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => team.For(10, _ => { }));
    }

    [Fact]
    public void Train_Cancelled_Throws()
    {
        var rows = Enumerable.Range(0, 5_000).Select(i => new[] { i % 97 * 1.0, i % 13 * 1.0 }).ToArray();
        var set = TrainingSet.FromRows(["a", "b"], rows, rows.Select(r => (r[0] * 3) + r[1]).ToArray());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GbdtTrainer.Train(set, new GbdtParameters { NumIterations = 10, NumThreads = 2 }, cancellationToken: cancel.Token));
    }
}

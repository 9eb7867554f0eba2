using System.Numerics.Tensors;
using LaborMarket.Embeddings.Embedding;

namespace LaborMarket.Embeddings.Tests.Embedding;

public class MiniLmTextEmbedderTests
{
    private static readonly string[] JobWords = ["Welder", "Nurse", "Accountant", "Truck Driver", "Electrician", "Chef", "Teacher"];

    [Fact]
    public async Task EmbedAsync_Titles_ReturnsUnitVectorsThatGroupByMeaning()
    {
        var v = await SharedModel.Embedder.EmbedAsync(["Registered Nurse", "Staff RN, Intensive Care", "Tractor-Trailer Truck Driver", ""]);

        Assert.Equal(4, v.Length);
        Assert.All(v[..3], x => Assert.Equal(384, x.Length));
        Assert.All(v[..3], x => Assert.InRange(TensorPrimitives.Norm(x), 0.999f, 1.001f));
        Assert.True(TensorPrimitives.Dot(v[0], v[1]) > TensorPrimitives.Dot(v[0], v[2]) + 0.2f);
        Assert.All(v[3], x => Assert.Equal(0f, x));
    }

    [Fact]
    public async Task EmbedManyAsync_BatchesInAnyOrder_MatchesOneByOneAndReportsProgress()
    {
        string[] texts = ["Welder", "Certified Welding Inspector who checks weld quality on bridges", "Dental Hygienist", "Machinist", "HVAC Technician"];
        var reports = new List<EmbeddingProgress>();
        var matrix = await SharedModel.Embedder.EmbedManyAsync(texts, 2, new Progress(reports), "titles");

        Assert.Equal(texts.Length * 384, matrix.Length);
        Assert.Equal([2, 4, 5], reports.Select(r => r.Completed));
        for (var i = 0; i < texts.Length; i++)
        {
            var single = (await SharedModel.Embedder.EmbedAsync([texts[i]]))[0];
            Assert.True(TensorPrimitives.Dot(single, matrix.AsSpan(i * 384, 384)) > 0.999f, texts[i]);
        }
    }

    [Fact]
    public async Task EmbedAsync_BatchSplitAcrossSessions_MatchesOneByOneInInputOrder()
    {
        // 40 texts with blanks among them: the batch is split across three sessions, and each vector must come back
        // in its own slot, the same as when the text is embedded alone.
        using var threeSessions = new MiniLmTextEmbedder(3);
        var texts = Enumerable.Range(0, 40)
            .Select(i => i % 9 == 4 ? "  " : $"{(i % 2 == 0 ? "Senior" : "Junior")} {JobWords[i % JobWords.Length]} number {i}").ToArray();

        var vectors = await threeSessions.EmbedAsync(texts);

        Assert.Equal(texts.Length, vectors.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                Assert.All(vectors[i], x => Assert.Equal(0f, x));
                continue;
            }

            var alone = (await SharedModel.Embedder.EmbedAsync([texts[i]]))[0];
            Assert.True(TensorPrimitives.Dot(alone, vectors[i]) > 0.999f, texts[i]);
        }
    }

    [Fact]
    public async Task EmbedManyAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SharedModel.Embedder.EmbedManyAsync(["Cook", "Baker"], 1, null, "x", cts.Token));
    }

    private sealed class Progress(List<EmbeddingProgress> reports) : IProgress<EmbeddingProgress>
    {
        public void Report(EmbeddingProgress value) => reports.Add(value);
    }
}

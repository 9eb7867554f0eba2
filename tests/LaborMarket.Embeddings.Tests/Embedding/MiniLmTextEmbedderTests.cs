using System.Numerics.Tensors;
using LaborMarket.Embeddings.Embedding;

namespace LaborMarket.Embeddings.Tests.Embedding;

public class MiniLmTextEmbedderTests
{
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

using System.Numerics.Tensors;
using LaborMarket.Embeddings.Search;

namespace LaborMarket.Embeddings.Tests.Search;

public class VectorIndexTests
{
    [DataFact]
    public void Search_RealTitles_MatchesBruteForceAndHonoursSocFilter()
    {
        var index = SharedModel.SubsetIndex.Titles;
        var query = index.Vector(7).ToArray();

        var hits = index.Search(query, 10);
        var brute = Enumerable.Range(0, index.Count).OrderByDescending(i => TensorPrimitives.Dot(query, index.Vector(i))).Take(10).ToArray();

        Assert.Equal(brute.Select(i => TensorPrimitives.Dot(query, index.Vector(i))), hits.Select(h => h.Score));
        Assert.True(hits[0].Score > 0.999f);
        var nurses = index.Search(query, 10, SocCode.Parse("29-0000"));
        Assert.NotEmpty(nurses);
        Assert.All(nurses, h => Assert.True(h.Entry.Code!.Value.Soc.IsWithin(SocCode.Parse("29-0000"))));
    }

    [DataFact]
    public void SearchMany_RealTitles_GivesWhatSearchGivesForEachQuery()
    {
        var index = SharedModel.SubsetIndex.Titles;
        var count = Math.Min(index.Count, 70);   // two full blocks of 32 and a partial one
        var queries = new float[count * index.Dimensions];
        for (var q = 0; q < count; q++)
        {
            index.Vector((q * 7) % index.Count).CopyTo(queries.AsSpan(q * index.Dimensions));
        }

        var many = index.SearchMany(queries, 12);

        Assert.Equal(count, many.Length);
        for (var q = 0; q < count; q++)
        {
            var one = index.Search(queries.AsSpan(q * index.Dimensions, index.Dimensions), 12);
            Assert.Equal(one.Select(h => (h.Index, h.Score)), many[q].Select(h => (h.Index, h.Score)));
        }

        Assert.Throws<ArgumentException>(() => index.SearchMany(new float[index.Dimensions + 1], 5));
    }

    [DataFact]
    public void SaveLoad_Float16_KeepsEntriesAndTopTenResults()
    {
        var index = SharedModel.SubsetIndex.Titles;
        var path = Path.Combine(Path.GetTempPath(), $"lm-index-{Environment.ProcessId}.lmvi");
        VectorIndexFile.Save(index, path, "tag-1");
        var (loaded, tag) = VectorIndexFile.Load(path);

        Assert.Equal("tag-1", tag);
        Assert.Equal(index.Entries, loaded.Entries);
        double agree = 0;
        var queries = Enumerable.Range(0, index.Count).Where(i => i % 10 == 0).ToArray();
        foreach (var q in queries)
        {
            var a = index.Search(index.Vector(q), 10).Select(h => h.Index).ToHashSet();
            agree += loaded.Search(index.Vector(q), 10).Count(h => a.Contains(h.Index)) / 10.0;
        }

        Assert.True(agree / queries.Length >= 0.99, $"top-10 recall of float16 {agree / queries.Length:P1}");
        File.Delete(path);
    }

    [DataFact]
    public void Load_TruncatedOrForeignFile_ThrowsFormatErrorNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lm-index-bad-{Environment.ProcessId}.lmvi");
        VectorIndexFile.Save(SharedModel.SubsetIndex.Titles, path);
        var bytes = File.ReadAllBytes(path);
        foreach (var bad in new[] { bytes[..(bytes.Length / 2)], bytes[..30], "not an index"u8.ToArray() })
        {
            File.WriteAllBytes(path, bad);
            var ex = Assert.Throws<LaborMarketFormatException>(() => VectorIndexFile.Load(path));
            Assert.Equal(path, ex.FileName);
        }

        File.Delete(path);
    }
}

using LaborMarket.Onet.Caching;

namespace LaborMarket.Onet.Tests.Caching;

public class FileApiResponseCacheTests
{
    private sealed class FakeTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Get_AfterExpiry_IsAMissAndTheFileIsRemoved()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var time = new FakeTime(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero));
        var cache = new FileApiResponseCache(dir, time);

        await cache.SetAsync("onet/v2/online/occupations/29-1141.00/", """{"title":"Registered Nurses"}""", TimeSpan.FromDays(90));
        time.Now = time.Now.AddDays(89);
        var before = await cache.GetAsync("onet/v2/online/occupations/29-1141.00/");
        time.Now = time.Now.AddDays(2);
        var after = await cache.GetAsync("onet/v2/online/occupations/29-1141.00/");

        Assert.Equal("""{"title":"Registered Nurses"}""", before);
        Assert.Null(after);
        Assert.Empty(Directory.GetFiles(dir));
    }

    [Fact]
    public async Task Get_OtherKeyOrDamagedFile_IsAMiss()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var cache = new FileApiResponseCache(dir);
        await cache.SetAsync("a", "{}", TimeSpan.FromDays(1));
        await File.WriteAllTextAsync(Directory.GetFiles(dir).Single(), "garbage");

        Assert.Null(await cache.GetAsync("b"));
        Assert.Null(await cache.GetAsync("a"));
    }

    [Fact]
    public async Task Set_ConcurrentWritersOfOneKey_LeaveOneReadableEntry()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var cache = new FileApiResponseCache(dir);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => cache.SetAsync("k", $$"""{"i":{{i}}}""", TimeSpan.FromDays(1)).AsTask()));

        Assert.StartsWith("""{"i":""", await cache.GetAsync("k"), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir));
    }
}

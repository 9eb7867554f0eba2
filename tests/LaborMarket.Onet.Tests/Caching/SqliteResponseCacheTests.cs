using System.Net;
using LaborMarket.Onet.WebServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LaborMarket.Onet.Tests.Caching;

/// <summary>The clients' HybridCache with the SQLite second level (<c>AddLaborMarketSqliteCache</c>).</summary>
public class SqliteResponseCacheTests
{
    private static readonly OnetSocCode Rn = OnetSocCode.Parse("29-1141.00");

    private static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("lm-cache-").FullName, "responses.db");

    private static StubHandler JobZone() => StubHandler.Json(LaborMarket.Onet.Tests.WebServices.OnetClientTests.RecordedOnet);

    /// <summary>A new container over the same file: what a second start of the process sees.</summary>
    private static ServiceProvider Start(StubHandler stub, string database, TimeProvider? time = null)
    {
        var services = WebClients.Services(time);
        services.AddLaborMarketSqliteCache(database);
        services.AddOnet(stub);
        return services.BuildServiceProvider();
    }

    /// <summary>Asks for the job zone once in each of <paramref name="starts"/> new containers over the same file.</summary>
    private static async Task JobZoneOnEachStart(StubHandler stub, string database, int starts, TimeProvider? time = null)
    {
        for (var i = 0; i < starts; i++)
        {
            await using var provider = Start(stub, database, time);
            Assert.Equal(4, await provider.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn));
        }
    }

    private static long Entries(string database, string keyPart)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM entries WHERE instr(key, $part) > 0";
        count.Parameters.AddWithValue("$part", keyPart);
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task SixteenConcurrentCallers_OneUncachedKey_MakeOneRequest()
    {
        var release = new TaskCompletionSource();
        var stub = new StubHandler(async (request, _, _) =>
        {
            await release.Task;
            return StubHandler.Respond(HttpStatusCode.OK, StubHandler.Recorded("WebServices", "job_zone.json"));
        });
        await using var provider = Start(stub, NewDatabase());
        var client = provider.GetRequiredService<OnetClient>();

        var calls = Enumerable.Range(0, 16).Select(_ => client.GetJobZoneAsync(Rn)).ToArray();
        release.SetResult();
        var zones = await Task.WhenAll(calls);

        Assert.All(zones, z => Assert.Equal(4, z));
        Assert.Equal(1, stub.Count);
    }

    [Fact]
    public async Task SecondStart_SameFile_MakesNoRequest()
    {
        var database = NewDatabase();
        var stub = JobZone();
        await JobZoneOnEachStart(stub, database, starts: 2);

        Assert.Equal(1, stub.Count);
        Assert.DoesNotContain(WebClients.OnetKey, await File.ReadAllTextAsync(database), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CAST(substr(value, 1, length(value) / 2) || X'00FF7B22' AS BLOB)")] // cut short
    [InlineData("zeroblob(length(value))")]                                             // zeroed
    [InlineData("'not a blob'")]                                                          // wrong type
    public async Task DamagedEntry_IsRefetchedAndOverwritten(string damage)
    {
        var database = NewDatabase();
        var stub = JobZone();
        await using (var first = Start(stub, database))
        {
            await first.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn);
        }

        SqliteConnection.ClearAllPools();
        int damaged;
        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entries SET value = " + damage;
            damaged = command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        await JobZoneOnEachStart(stub, database, starts: 2);

        Assert.Equal(1, damaged);
        Assert.Equal(2, stub.Count); // the damaged entry was fetched again, and the rewrite served the third start
    }

    [Fact]
    public async Task DamagedFile_IsStartedAgain()
    {
        var database = NewDatabase();
        await File.WriteAllBytesAsync(database, [.. "SQLite format 3\0"u8, .. new byte[4000]]);
        var stub = JobZone();
        await JobZoneOnEachStart(stub, database, starts: 2);

        Assert.Equal(1, stub.Count);
    }

    [Fact]
    public async Task ExpiredEntry_IsFetchedAgain_OnTheInjectedClock()
    {
        var database = NewDatabase();
        var stub = JobZone();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using (var first = Start(stub, database, time))
        {
            await first.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn);
        }

        time.Advance(TimeSpan.FromDays(89));
        await using (var second = Start(stub, database, time))
        {
            await second.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn);
        }

        Assert.Equal(1, stub.Count);
        time.Advance(TimeSpan.FromDays(2));
        await using (var third = Start(stub, database, time))
        {
            Assert.Equal(4, await third.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn));
        }

        Assert.Equal(2, stub.Count); // 91 days after the write, past the 90-day default
    }

    [Fact]
    public async Task ExpiredEntryNeverAskedAgain_IsDeletedOnTheNextStart()
    {
        var database = NewDatabase();
        var stub = JobZone();
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await JobZoneOnEachStart(stub, database, starts: 1, time);
        Assert.Equal(1, Entries(database, "29-1141.00"));

        time.Advance(TimeSpan.FromDays(91));
        await using (var second = Start(stub, database, time))
        {
            await second.GetRequiredService<OnetClient>().GetJobZoneAsync(OnetSocCode.Parse("15-1252.00"));
        }

        Assert.Equal(0, Entries(database, "29-1141.00"));
    }

    [Fact]
    public async Task UnwritableFolder_StillAnswers_WithOneWarning()
    {
        // A regular file where the cache folder should be: no user, root included, can create the database there.
        var blocker = Path.Combine(Directory.CreateTempSubdirectory("lm-cache-").FullName, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var stub = JobZone();
        await using var provider = Start(stub, Path.Combine(blocker, "responses.db"));
        var client = provider.GetRequiredService<OnetClient>();

        Assert.Equal(4, await client.GetJobZoneAsync(Rn));
        Assert.Equal(4, (await client.GetProfileAsync(Rn))?.JobZone);

        var warnings = provider.GetFakeLogCollector().GetSnapshot().Where(r => r.Level >= LogLevel.Warning && r.Category == "LaborMarket.Onet.Caching").ToList();
        Assert.Single(warnings);
        Assert.Contains("cannot be used", warnings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadOnlyDatabaseFile_StillAnswers()
    {
        var database = NewDatabase();
        var stub = JobZone();
        await using (var first = Start(stub, database))
        {
            await first.GetRequiredService<OnetClient>().GetJobZoneAsync(Rn);
        }

        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(database)!;
        File.SetAttributes(database, FileAttributes.ReadOnly);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        try
        {
            await using var second = Start(stub, database);
            var client = second.GetRequiredService<OnetClient>();
            Assert.Equal(4, await client.GetJobZoneAsync(Rn));
            Assert.NotNull(await client.GetOverviewAsync(Rn));
        }
        finally
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            File.SetAttributes(database, FileAttributes.Normal);
        }
    }
}

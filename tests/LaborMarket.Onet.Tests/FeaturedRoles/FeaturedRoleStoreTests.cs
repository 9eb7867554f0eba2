using System.Text.Json;
using LaborMarket.Onet.Customization;
using LaborMarket.Onet.FeaturedRoles;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

public class FeaturedRoleStoreTests
{
    private static readonly OnetSocCode SoftwareDevelopers = OnetSocCode.Parse("15-1252.00");
    private static readonly OnetSocCode RegisteredNurses = OnetSocCode.Parse("29-1141.00");
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("lm-roles-").FullName, "roles.db");

    private static FeaturedRoleStore Store(string path, TimeProvider? time = null) =>
        new(new FeaturedRoleStoreOptions { DatabasePath = path }, time, RealOnet.Database);

    private static FeaturedRole Role(string id, OnetSocCode code, string title = "Platform Engineer") => new()
    {
        Id = id,
        Employer = "Acme",
        Title = title,
        Code = code,
        Description = "Builds the services behind the checkout.",
        Skills = ["Python", "Kubernetes"],
    };

    [DataFact]
    public async Task GetProfileAsync_NewRole_InheritsEveryFieldFromOnet()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");

        var profile = (await store.GetProfileAsync("platform"))!;

        var onet = RealOnet.Database.Find(SoftwareDevelopers)!;
        Assert.Equal(onet, profile.Profile);
        Assert.NotEmpty(profile.Profile.Tasks);
        Assert.NotEmpty(profile.Profile.TechnologySkills);
        Assert.Empty(profile.CustomFields);
        Assert.Empty(profile.Differences);
        Assert.All(Enum.GetValues<OccupationField>(), f => Assert.Equal(FieldSource.Baseline, profile.SourceOf(f)));
    }

    [DataFact]
    public async Task OverrideAsync_Tasks_MarksOnlyTasksCustomAndDiffsAgainstOnet()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");
        var onet = RealOnet.Database.Find(SoftwareDevelopers)!;
        var kept = onet.Tasks[0];
        var added = new OccupationTask(0, "Run the on-call rotation for the checkout services.", true);

        await store.OverrideAsync("platform", new OccupationOverrides { Tasks = [kept, added] }, "ana");
        var profile = (await store.GetProfileAsync("platform"))!;

        Assert.Equal([kept, added], profile.Profile.Tasks);
        Assert.Equal([OccupationField.Tasks], profile.CustomFields);
        Assert.Equal(FieldSource.Custom, profile.SourceOf(OccupationField.Tasks));
        Assert.Equal(FieldSource.Baseline, profile.SourceOf(OccupationField.TechnologySkills));
        Assert.Equal(onet.TechnologySkills, profile.Profile.TechnologySkills);
        var diff = Assert.Single(profile.Differences);
        Assert.Equal(OccupationField.Tasks, diff.Field);
        Assert.Equal([added.Statement], diff.Added);
        Assert.Equal(onet.Tasks.Count - 1, diff.Removed.Count);
        Assert.DoesNotContain(kept.Statement, diff.Removed);
    }

    [DataFact]
    public async Task RestoreAsync_Field_GoesBackToOnetAndKeepsTheOthers()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("platform", SoftwareDevelopers) with { Overrides = new OccupationOverrides { JobZone = 5, AlternateTitles = ["Platform Engineer"] } }, "ana");

        var role = await store.RestoreAsync("platform", [OccupationField.JobZone], "ben");
        var profile = (await store.GetProfileAsync("platform"))!;

        Assert.Null(role.Overrides.JobZone);
        Assert.Equal(RealOnet.Database.Find(SoftwareDevelopers)!.JobZone, profile.Profile.JobZone);
        Assert.Equal([OccupationField.AlternateTitles], profile.CustomFields);
        Assert.Equal(["Platform Engineer"], profile.Profile.AlternateTitles);
    }

    [DataFact]
    public async Task OverrideAsync_Outlook_IsCustomAndDiffed()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");
        var outlook = new JobOutlook("Bright", "Hiring ten a quarter.", true, ["Numerous Job Openings"]);

        await store.OverrideAsync("platform", new OccupationOverrides { Outlook = outlook }, "ana");
        var profile = (await store.GetProfileAsync("platform"))!;

        Assert.Equal(outlook, profile.Profile.Outlook);
        var diff = Assert.Single(profile.Differences);
        Assert.Equal(OccupationField.Outlook, diff.Field);
        Assert.Contains("reason: Numerous Job Openings", diff.Added);
    }

    [DataFact]
    public async Task OverrideManyAsync_ThreeRoles_ChangesEachAndWritesOneEntryPerRole()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");
        await store.AddAsync(Role("b", SoftwareDevelopers) with { Overrides = new OccupationOverrides { JobZone = 3 } }, "ana");
        await store.AddAsync(Role("c", RegisteredNurses, "Charge Nurse"), "ana");
        var education = new[] { new EducationLevel(6, "Bachelor's Degree", 100) };

        var changed = await store.OverrideManyAsync(["a", "b", "c"], new OccupationOverrides { Education = education }, "ops");

        Assert.Equal(["a", "b", "c"], changed.Select(r => r.Id));
        foreach (var id in new[] { "a", "b", "c" })
        {
            var profile = (await store.GetProfileAsync(id))!;
            Assert.Equal(education, profile.Profile.Education);
            Assert.Equal(FieldSource.Custom, profile.SourceOf(OccupationField.Education));
            var last = (await store.GetHistoryAsync(id))[^1];
            Assert.Equal(FeaturedRoleChangeKind.Overridden, last.Kind);
            Assert.Equal("ops", last.Author);
            Assert.Equal([OccupationField.Education], last.Fields);
        }

        Assert.Equal(3, (await store.GetAsync("b"))!.Overrides.JobZone); // the bulk change keeps the other customizations
    }

    [DataFact]
    public async Task OverrideManyAsync_UnknownRole_ChangesNothing()
    {
        var store = Store(NewDatabase());
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.OverrideManyAsync(["a", "missing"], new OccupationOverrides { JobZone = 2 }, "ops"));

        Assert.True((await store.GetAsync("a"))!.Overrides.IsEmpty);
        Assert.Single(await store.GetHistoryAsync("a"));
    }

    [DataFact]
    public async Task CopyCustomizationsAsync_CopiesTheSourcesFieldsAndKeepsTheTargetsOthers()
    {
        var store = Store(NewDatabase());
        var tools = new[] { new OccupationTool("Terraform", "Configuration management software") };
        await store.AddAsync(Role("from", SoftwareDevelopers) with { Overrides = new OccupationOverrides { Tools = tools, JobZone = 5 } }, "ana");
        await store.AddAsync(Role("to", SoftwareDevelopers, "Site Reliability Engineer") with { Overrides = new OccupationOverrides { JobZone = 3, Title = "SRE" } }, "ana");

        var copied = await store.CopyCustomizationsAsync("from", "to", "ben");

        Assert.Equal(tools, copied.Overrides.Tools);
        Assert.Equal(5, copied.Overrides.JobZone);
        Assert.Equal("SRE", copied.Overrides.Title);
        Assert.Equal("Site Reliability Engineer", copied.Title);
        var entry = (await store.GetHistoryAsync("to"))[^1];
        Assert.Equal(FeaturedRoleChangeKind.Copied, entry.Kind);
        Assert.Equal("from", entry.SourceRoleId);
        Assert.Equal([OccupationField.Tools, OccupationField.JobZone], entry.Fields);
    }

    [Fact]
    public async Task GetHistoryAsync_SeveralChanges_AreInOrderWithAuthorAndClockTime()
    {
        var time = new FakeTimeProvider(Start);
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() }, time);
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");
        time.Advance(TimeSpan.FromHours(2));
        await store.OverrideAsync("platform", new OccupationOverrides { JobZone = 5, Title = "Platform" }, "ben");
        time.Advance(TimeSpan.FromDays(1));
        await store.RestoreAsync("platform", [OccupationField.Title], "cy");

        var history = await store.GetHistoryAsync("platform");

        Assert.Equal([FeaturedRoleChangeKind.Created, FeaturedRoleChangeKind.Overridden, FeaturedRoleChangeKind.Restored], history.Select(h => h.Kind));
        Assert.Equal(["ana", "ben", "cy"], history.Select(h => h.Author));
        Assert.Equal([Start, Start.AddHours(2), Start.AddHours(26)], history.Select(h => h.Time));
        Assert.Equal([OccupationField.Title, OccupationField.JobZone], history[1].Fields);
        Assert.Equal(new OccupationOverrides { JobZone = 5, Title = "Platform" }, history[1].Values);
        Assert.Equal([OccupationField.Title], history[2].Fields);
        Assert.Null(history[2].Values);
        Assert.True(history[0].Sequence < history[1].Sequence && history[1].Sequence < history[2].Sequence);
    }

    [DataFact]
    public async Task UpdateAsync_NewOccupation_KeepsCustomizationsAndRecordsTheRoleAsEdited()
    {
        var time = new FakeTimeProvider(Start);
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() }, time, RealOnet.Database);
        await store.AddAsync(Role("qa", SoftwareDevelopers, "Test Engineer") with { Overrides = new OccupationOverrides { JobZone = 3 } }, "ana");
        time.Advance(TimeSpan.FromMinutes(1));

        var moved = Role("qa", OnetSocCode.Parse("15-1253.00"), "Test Engineer") with { Skills = ["Selenium"] };
        var updated = await store.UpdateAsync(moved, "ben");
        var profile = (await store.GetProfileAsync("qa"))!;

        Assert.Equal(3, updated.Overrides.JobZone);
        Assert.Equal("Software Quality Assurance Analysts and Testers", profile.Profile.Title); // inherits from the new occupation
        Assert.Equal(3, profile.Profile.JobZone);
        var edit = (await store.GetHistoryAsync("qa"))[^1];
        Assert.Equal((FeaturedRoleChangeKind.Edited, "ben", Start.AddMinutes(1)), (edit.Kind, edit.Author, edit.Time));
        Assert.Equal(updated, edit.Snapshot);
        Assert.Empty(edit.Fields);
    }

    [Fact]
    public async Task RemoveAsync_Role_IsGoneAndItsHistoryStays()
    {
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() });
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");
        await store.OverrideAsync("a", new OccupationOverrides { JobZone = 2 }, "ana");

        Assert.True(await store.RemoveAsync("a", "ben"));
        Assert.False(await store.RemoveAsync("a", "ben"));

        Assert.Null(await store.GetAsync("a"));
        Assert.Empty(await store.ListAsync());
        Assert.Equal([FeaturedRoleChangeKind.Created, FeaturedRoleChangeKind.Overridden, FeaturedRoleChangeKind.Removed], (await store.GetHistoryAsync("a")).Select(h => h.Kind));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.OverrideAsync("a", new OccupationOverrides { JobZone = 3 }, "ana"));
    }

    [Fact]
    public async Task History_EditedOutsideTheStore_IsRefusedByTheDatabase()
    {
        var path = NewDatabase();
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE history SET author = 'mallory'";
        var error = Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("ana", (await store.GetHistoryAsync("platform")).Single().Author);
    }

    [Fact]
    public async Task NewStore_SameFile_SeesRolesOverridesAndHistory()
    {
        var path = NewDatabase();
        var time = new FakeTimeProvider(Start);
        var first = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path }, time);
        await first.AddAsync(Role("platform", SoftwareDevelopers), "ana");
        await first.AddAsync(Role("nurse", RegisteredNurses, "Charge Nurse") with { Employer = "Mercy" }, "ana");
        time.Advance(TimeSpan.FromMinutes(5));
        var overridden = await first.OverrideAsync("platform", new OccupationOverrides { JobZone = 5, AlternateTitles = ["Platform Engineer"] }, "ben");
        var before = await first.ExportAsync();

        var second = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path }, time);

        Assert.Equal(overridden, await second.GetAsync("platform"));
        Assert.Equal(["nurse", "platform"], (await second.ListAsync()).Select(r => r.Id));
        Assert.Equal(["nurse"], (await second.ListAsync("Mercy")).Select(r => r.Id));
        Assert.Equal(before, await second.ExportAsync());
        Assert.Equal(Start.AddMinutes(5), (await second.GetHistoryAsync("platform"))[^1].Time);
    }

    [Fact]
    public async Task OverrideAsync_TwoStoresOnOneFileInParallel_LosesNoChange()
    {
        var path = NewDatabase();
        var first = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });
        var second = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });
        await first.AddAsync(Role("a", SoftwareDevelopers), "ana");
        await first.AddAsync(Role("b", SoftwareDevelopers), "ana");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).OverrideAsync(i % 4 < 2 ? "a" : "b", new OccupationOverrides { AlternateTitles = [$"title {i}"] }, $"user {i}"))));

        var history = (await first.ExportAsync()).History;
        Assert.Equal(42, history.Count);
        Assert.Equal(40, history.Select(h => h.Author).Where(a => a.StartsWith("user ", StringComparison.Ordinal)).Distinct().Count());
        Assert.Equal(history.Select(h => h.Sequence).Order(), history.Select(h => h.Sequence));
    }

    [Fact]
    public async Task ExportAsync_JsonRoundTrip_IsEqual()
    {
        var time = new FakeTimeProvider(Start);
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() }, time);
        await store.AddAsync(Role("platform", SoftwareDevelopers), "ana");
        await store.OverrideAsync("platform", new OccupationOverrides
        {
            Tasks = [new OccupationTask(0, "Run the on-call rotation.", true)],
            Outlook = new JobOutlook("Bright", null, true, ["Grow Rapidly"]),
        }, "ben");
        await store.RestoreAsync("platform", [OccupationField.Outlook], "ben");

        var export = await store.ExportAsync();
        var json = JsonSerializer.Serialize(export, OnetJsonContext.Default.FeaturedRoleExport);
        var back = JsonSerializer.Deserialize(json, OnetJsonContext.Default.FeaturedRoleExport);

        Assert.Equal(export, back);
        Assert.Contains("\"Code\":\"15-1252.00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Kind\":\"overridden\"", json, StringComparison.Ordinal);
        Assert.Equal(3, back!.History.Count);
    }

    [Fact]
    public async Task AnyCall_FileIsNotADatabase_ThrowsTypedErrorAndKeepsTheFile()
    {
        var path = NewDatabase();
        var garbage = "this is a spreadsheet, not a database\n"u8.ToArray().Concat(new byte[4096]).ToArray();
        await File.WriteAllBytesAsync(path, garbage);
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });

        var error = await Assert.ThrowsAsync<FeaturedRoleStoreException>(() => store.ListAsync());

        Assert.Equal(Path.GetFullPath(path), error.DatabasePath);
        Assert.False(error.IsTransient);
        Assert.Contains("damaged or not a database", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task AnyCall_TruncatedDatabase_ThrowsTypedError()
    {
        var path = NewDatabase();
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });
        for (var i = 0; i < 50; i++)
        {
            await store.AddAsync(Role($"role-{i:D2}", SoftwareDevelopers) with { Description = new string('x', 2000) }, "ana");
        }

        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)]);
        var reopened = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });

        var error = await Assert.ThrowsAsync<FeaturedRoleStoreException>(() => reopened.ListAsync());
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task AnyCall_FolderCannotBeCreated_ThrowsTypedError()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("lm-roles-").FullName, "a-file");
        await File.WriteAllTextAsync(file, "not a folder");
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = Path.Combine(file, "roles.db") });

        var error = await Assert.ThrowsAsync<FeaturedRoleStoreException>(() => store.ListAsync());

        Assert.False(error.IsTransient);
        Assert.EndsWith("roles.db", error.DatabasePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_AnotherConnectionHoldsTheLock_ThrowsTransientTypedError()
    {
        var path = NewDatabase();
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");
        using var other = new SqliteConnection($"Data Source={path};Pooling=False");
        other.Open();
        using var transaction = other.BeginTransaction(deferred: false); // holds the write lock

        var error = await Assert.ThrowsAsync<FeaturedRoleStoreException>(() => store.OverrideAsync("a", new OccupationOverrides { JobZone = 2 }, "ana"));

        Assert.True(error.IsTransient);
        transaction.Rollback();
        Assert.Equal(2, (await store.OverrideAsync("a", new OccupationOverrides { JobZone = 2 }, "ana")).Overrides.JobZone);
    }

    [Fact]
    public async Task Read_RowEditedToBadJson_ThrowsFormatErrorNamingTheColumn()
    {
        var path = NewDatabase();
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path });
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE roles SET overrides = '{\"JobZone\": \"five\"' WHERE id = 'a'";
            edit.ExecuteNonQuery();
        }

        var error = await Assert.ThrowsAsync<LaborMarketFormatException>(() => store.GetAsync("a"));

        Assert.Equal("overrides", error.Field);
        Assert.Contains("row 'a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_DuplicateIdOrBadJobZone_IsRefused()
    {
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() });
        await store.AddAsync(Role("a", SoftwareDevelopers), "ana");

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(Role("a", RegisteredNurses), "ana"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OverrideAsync("a", new OccupationOverrides { JobZone = 9 }, "ana"));
        Assert.Equal(SoftwareDevelopers, (await store.GetAsync("a"))!.Code);
    }

    [Fact]
    public async Task AnyCall_Cancelled_Throws()
    {
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = NewDatabase() });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(null, new CancellationToken(true)));
    }
}

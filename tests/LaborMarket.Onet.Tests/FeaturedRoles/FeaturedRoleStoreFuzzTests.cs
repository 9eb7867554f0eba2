using LaborMarket.Onet.Customization;
using LaborMarket.Onet.FeaturedRoles;
using Microsoft.Extensions.Time.Testing;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

/// <summary>
/// A real store file, truncated and with flipped bytes: reading it gives the roles or a typed error, nothing else.
/// (SQLite keeps no page checksums, so a flip inside a stored text reads back as another text; that cannot be detected.)
/// </summary>
public class FeaturedRoleStoreFuzzTests
{
    private static async Task<byte[]> RealStoreFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lm-roles-fuzz-").FullName, "roles.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path }, time);
        var codes = new[] { "15-1252.00", "15-1253.00", "29-1141.00", "47-2111.00" };
        for (var i = 0; i < 12; i++)
        {
            await store.AddAsync(new FeaturedRole
            {
                Id = $"role-{i:D2}",
                Employer = i % 2 == 0 ? "Acme" : "Mercy",
                Title = $"Role {i}",
                Code = OnetSocCode.Parse(codes[i % codes.Length]),
                Description = "Does the work the team needs.",
                Skills = ["Python", "Critical Thinking"],
            }, "ana");
            time.Advance(TimeSpan.FromMinutes(1));
            await store.OverrideAsync($"role-{i:D2}", new OccupationOverrides { JobZone = 1 + (i % 5), Tasks = [new OccupationTask(i, $"Task {i}.", true)] }, "ben");
        }

        await store.RestoreAsync("role-00", [OccupationField.Tasks], "cy");
        return await File.ReadAllBytesAsync(path);
    }

    [Fact]
    public async Task Read_MutatedFile_ReturnsRolesOrTypedError()
    {
        var data = await RealStoreFile();
        var cases = FileMutations.Truncations(data, 11, FileMutations.Cases(10)).Concat(FileMutations.ByteFlips(data, 12, FileMutations.Cases(40)));
        int read = 0, refused = 0;
        foreach (var (name, bytes) in cases)
        {
            var path = Path.Combine(Directory.CreateTempSubdirectory("lm-roles-fuzz-case-").FullName, "roles.db");
            await File.WriteAllBytesAsync(path, bytes);
            var store = new FeaturedRoleStore(new FeaturedRoleStoreOptions { DatabasePath = path, BusyTimeout = TimeSpan.FromSeconds(1) });
            try
            {
                var export = await store.ExportAsync();
                Assert.True(export.Roles.Count <= 12, name);
                read++;
            }
            catch (Exception ex) when (ex is FeaturedRoleStoreException or LaborMarketFormatException)
            {
                refused++;
            }
        }

        Assert.True(refused > 0, "no mutation was refused");
        Assert.True(read > 0, "no mutation left a readable file");
    }
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LaborMarket.Onet.Customization;
using Microsoft.Data.Sqlite;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// The featured-role tables: the schema, and rows to and from roles and history entries. A row the store cannot read
/// (edited outside it) is a <see cref="LaborMarketFormatException"/> naming the file, the row and the column.
/// </summary>
internal sealed class FeaturedRoleTables(string path, TimeProvider time)
{
    private const int SchemaVersion = 1;
    private const string RoleColumns = "id, employer, title, code, description, skills, overrides";
    private const string HistoryColumns = "seq, role_id, time, author, kind, fields, change_values, source_role_id, snapshot";

    // Idempotent (CREATE ... IF NOT EXISTS), so two first calls racing here do no harm.
    public async Task CreateSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var found = Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (found > SchemaVersion)
        {
            throw new FeaturedRoleStoreException(path, false, $"The featured-role database '{path}' has schema version {found}; this version reads up to {SchemaVersion}.", null);
        }

        using var create = connection.CreateCommand();
        create.CommandText = """
            CREATE TABLE IF NOT EXISTS roles (
                id TEXT PRIMARY KEY, employer TEXT NOT NULL, title TEXT NOT NULL, code TEXT NOT NULL,
                description TEXT NOT NULL, skills TEXT NOT NULL, overrides TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS roles_employer ON roles (employer);
            CREATE TABLE IF NOT EXISTS history (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, role_id TEXT NOT NULL, time INTEGER NOT NULL, author TEXT NOT NULL,
                kind TEXT NOT NULL, fields TEXT NOT NULL, change_values TEXT, source_role_id TEXT, snapshot TEXT);
            CREATE INDEX IF NOT EXISTS history_role ON history (role_id, seq);
            CREATE TRIGGER IF NOT EXISTS history_no_update BEFORE UPDATE ON history BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
            CREATE TRIGGER IF NOT EXISTS history_no_delete BEFORE DELETE ON history BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
            PRAGMA user_version = 1;
            """;
        await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FeaturedRole>> ReadRolesAsync(SqliteConnection connection, string? employer, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = employer is null
            ? $"SELECT {RoleColumns} FROM roles ORDER BY id"
            : $"SELECT {RoleColumns} FROM roles WHERE employer = $employer ORDER BY id";
        command.Parameters.AddWithValue("$employer", (object?)employer ?? DBNull.Value);
        var roles = new List<FeaturedRole>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            roles.Add(ReadRole(reader));
        }

        return roles;
    }

    public static async Task<bool> DeleteRoleAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken)
    {
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM roles WHERE id = $id";
        delete.Parameters.AddWithValue("$id", id);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<FeaturedRole?> ReadRoleAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {RoleColumns} FROM roles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRole(reader) : null;
    }

    private FeaturedRole ReadRole(SqliteDataReader reader)
    {
        var id = Text(reader, 0, "id", "?");
        var code = Text(reader, 3, "code", id);
        return new FeaturedRole
        {
            Id = id,
            Employer = Text(reader, 1, "employer", id),
            Title = Text(reader, 2, "title", id),
            Code = OnetSocCode.TryParse(code, out var c) ? c : throw Damaged(id, "code", $"'{code}' is not an O*NET-SOC code"),
            Description = Text(reader, 4, "description", id),
            Skills = Json(Text(reader, 5, "skills", id), OnetJsonContext.Default.IReadOnlyListString, id, "skills"),
            Overrides = Checked(Json(Text(reader, 6, "overrides", id), OnetJsonContext.Default.OccupationOverrides, id, "overrides"), id, "overrides"),
        };
    }

    public async Task<IReadOnlyList<FeaturedRoleChange>> ReadHistoryAsync(SqliteConnection connection, string? id, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = id is null
            ? $"SELECT {HistoryColumns} FROM history ORDER BY seq"
            : $"SELECT {HistoryColumns} FROM history WHERE role_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", (object?)id ?? DBNull.Value);
        var changes = new List<FeaturedRoleChange>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var seq = reader.GetInt64(0);
            var row = $"history {seq}";
            var kind = Text(reader, 4, "kind", row);
            var values = OptionalText(reader, 6, "change_values", row) is { } v ? Checked(Json(v, OnetJsonContext.Default.OccupationOverrides, row, "change_values"), row, "change_values") : null;
            var ticks = reader.GetValue(2) is long t && t >= DateTimeOffset.MinValue.UtcTicks && t <= DateTimeOffset.MaxValue.UtcTicks
                ? t
                : throw Damaged(row, "time", "not a time");
            changes.Add(new FeaturedRoleChange(
                seq,
                Text(reader, 1, "role_id", row),
                new DateTimeOffset(ticks, TimeSpan.Zero),
                Text(reader, 3, "author", row),
                Enum.TryParse<FeaturedRoleChangeKind>(kind, out var k) && Enum.IsDefined(k) ? k : throw Damaged(row, "kind", $"'{kind}' is not a change kind"),
                Json(Text(reader, 5, "fields", row), OnetJsonContext.Default.IReadOnlyListOccupationField, row, "fields"),
                values,
                OptionalText(reader, 7, "source_role_id", row))
            {
                Snapshot = OptionalText(reader, 8, "snapshot", row) is { } snapshot ? Json(snapshot, OnetJsonContext.Default.FeaturedRole, row, "snapshot") : null,
            });
        }

        return changes;
    }

    public static async Task WriteRoleAsync(SqliteConnection connection, SqliteTransaction transaction, FeaturedRole role, bool insert, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert
            ? $"INSERT INTO roles ({RoleColumns}) VALUES ($id, $employer, $title, $code, $description, $skills, $overrides)"
            : "UPDATE roles SET employer = $employer, title = $title, code = $code, description = $description, skills = $skills, overrides = $overrides WHERE id = $id";
        command.Parameters.AddWithValue("$id", role.Id);
        command.Parameters.AddWithValue("$employer", role.Employer);
        command.Parameters.AddWithValue("$title", role.Title);
        command.Parameters.AddWithValue("$code", role.Code.ToString());
        command.Parameters.AddWithValue("$description", role.Description);
        command.Parameters.AddWithValue("$skills", JsonSerializer.Serialize(role.Skills, OnetJsonContext.Default.IReadOnlyListString));
        command.Parameters.AddWithValue("$overrides", JsonSerializer.Serialize(role.Overrides, OnetJsonContext.Default.OccupationOverrides));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The sequence and the time are the store's: the database numbers the entry, the clock times it.
    public async Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, FeaturedRoleChange change, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO history (role_id, time, author, kind, fields, change_values, source_role_id, snapshot)
            VALUES ($id, $time, $author, $kind, $fields, $values, $source, $snapshot)
            """;
        command.Parameters.AddWithValue("$id", change.RoleId);
        command.Parameters.AddWithValue("$time", time.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("$author", change.Author);
        command.Parameters.AddWithValue("$kind", change.Kind.ToString());
        command.Parameters.AddWithValue("$fields", JsonSerializer.Serialize(change.Fields, OnetJsonContext.Default.IReadOnlyListOccupationField));
        command.Parameters.AddWithValue("$values", change.Values is null ? DBNull.Value : JsonSerializer.Serialize(change.Values, OnetJsonContext.Default.OccupationOverrides));
        command.Parameters.AddWithValue("$source", (object?)change.SourceRoleId ?? DBNull.Value);
        command.Parameters.AddWithValue("$snapshot", change.Snapshot is null ? DBNull.Value : JsonSerializer.Serialize(change.Snapshot, OnetJsonContext.Default.FeaturedRole));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Text(SqliteDataReader reader, int ordinal, string column, string row) =>
        reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not string s ? throw Damaged(row, column, "missing or not text") : s;

    private string? OptionalText(SqliteDataReader reader, int ordinal, string column, string row) =>
        reader.IsDBNull(ordinal) ? null : Text(reader, ordinal, column, row);

    private OccupationOverrides Checked(OccupationOverrides overrides, string row, string column) =>
        overrides.JobZone is < 1 or > 5 ? throw Damaged(row, column, $"job zone {overrides.JobZone} is not 1 to 5") : overrides;

    private T Json<T>(string json, JsonTypeInfo<T> type, string row, string column)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Damaged(row, column, "null");
        }
        catch (JsonException ex)
        {
            throw Damaged(row, column, ex.Message, ex);
        }
    }

    // A row edited outside the store: the error names the file, the row and the column.
    private LaborMarketFormatException Damaged(string row, string column, string reason, Exception? inner = null) =>
        new(path, 0, column, $"row '{row}': {reason}", inner);
}

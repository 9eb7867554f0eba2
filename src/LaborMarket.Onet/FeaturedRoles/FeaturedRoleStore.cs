using System.Text.Json;
using LaborMarket.Onet.Customization;
using Microsoft.Data.Sqlite;

namespace LaborMarket.Onet.FeaturedRoles;

/// <summary>
/// Featured roles, their customizations and an append-only history of changes (author and time) in one SQLite file.
/// Every change is one transaction: a bulk override changes all its roles or none. A damaged, locked or read-only
/// file is a <see cref="FeaturedRoleStoreException"/>, never a crash, and is never deleted. Thread-safe; several
/// stores (or processes) may share a file.
/// </summary>
public sealed class FeaturedRoleStore
{
    private const int SchemaVersion = 1;

    private const string RoleColumns = "id, employer, title, code, description, skills, overrides";
    private const string HistoryColumns = "seq, role_id, time, author, kind, fields, change_values, source_role_id, snapshot";

    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly IOccupationContentSource? _content;
    private volatile bool _schemaReady;

    /// <summary>Creates the store (the file is opened on first use).</summary>
    /// <param name="options">Where the database is.</param>
    /// <param name="timeProvider">The clock that times history entries; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="content">Where the inherited O*NET content comes from (such as <c>OnetDatabase</c>), for <see cref="GetProfileAsync"/>.</param>
    public FeaturedRoleStore(FeaturedRoleStoreOptions options, TimeProvider? timeProvider = null, IOccupationContentSource? content = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath, nameof(options));
        _path = Path.GetFullPath(options.DatabasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = (int)Math.Ceiling(Math.Clamp(options.BusyTimeout.TotalSeconds, 1, 300)),
            Pooling = false, // a closed store leaves the file free for another process (and for tests that damage it)
        }.ToString();
        _time = timeProvider ?? TimeProvider.System;
        _content = content;
    }

    /// <summary>Adds a role, with the customizations it carries; the history records its creation.</summary>
    /// <param name="role">The role.</param>
    /// <param name="author">Who adds it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="InvalidOperationException">A role with this id exists.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task AddAsync(FeaturedRole role, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(role.Id, nameof(role));
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        CheckOverrides(role.Overrides);
        return WriteAsync(async (connection, transaction) =>
        {
            if (await ReadRoleAsync(connection, transaction, role.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new InvalidOperationException($"A featured role with id '{role.Id}' exists.");
            }

            await WriteRoleAsync(connection, transaction, role, insert: true, cancellationToken).ConfigureAwait(false);
            await AppendAsync(connection, transaction, Change(role.Id, author, FeaturedRoleChangeKind.Created, Touched(role.Overrides), role.Overrides) with { Snapshot = role }, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>The role with this id, or null.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<FeaturedRole?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(connection => ReadRoleAsync(connection, null, id, cancellationToken), cancellationToken);
    }

    /// <summary>The roles, by id; only one employer's when <paramref name="employer"/> is given.</summary>
    /// <param name="employer">An employer, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<IReadOnlyList<FeaturedRole>> ListAsync(string? employer = null, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<FeaturedRole>>(async connection =>
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
        }, cancellationToken);

    /// <summary>Customizes a role: the non-null fields of <paramref name="overrides"/> replace its values.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="overrides">The customizations.</param>
    /// <param name="author">Who makes the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The role as stored now.</returns>
    /// <exception cref="KeyNotFoundException">No role has this id.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public async Task<FeaturedRole> OverrideAsync(string id, OccupationOverrides overrides, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var changed = await OverrideManyAsync([id], overrides, author, cancellationToken).ConfigureAwait(false);
        return changed[0];
    }

    /// <summary>Applies one customization to many roles in one transaction (all or none), one history entry per role.</summary>
    /// <param name="ids">The roles' ids.</param>
    /// <param name="overrides">The customizations.</param>
    /// <param name="author">Who makes the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The roles as stored now, in the order of <paramref name="ids"/> (repeats left out).</returns>
    /// <exception cref="KeyNotFoundException">A role does not exist (nothing is changed).</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<IReadOnlyList<FeaturedRole>> OverrideManyAsync(
        IEnumerable<string> ids, OccupationOverrides overrides, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        CheckOverrides(overrides);
        var list = ids.Distinct(StringComparer.Ordinal).ToArray();
        return WriteAsync<IReadOnlyList<FeaturedRole>>(async (connection, transaction) =>
        {
            var changed = new List<FeaturedRole>(list.Length);
            foreach (var id in list)
            {
                var role = await RequireRoleAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
                var updated = role with { Overrides = new CustomOccupationProfile(Placeholder(role), role.Overrides).Apply(overrides).Overrides };
                await WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
                await AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Overridden, Touched(overrides), overrides), cancellationToken).ConfigureAwait(false);
                changed.Add(updated);
            }

            return changed;
        }, cancellationToken);
    }

    /// <summary>Restores fields of a role to the inherited O*NET value.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="fields">The fields.</param>
    /// <param name="author">Who makes the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The role as stored now.</returns>
    /// <exception cref="KeyNotFoundException">No role has this id.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<FeaturedRole> RestoreAsync(string id, IEnumerable<OccupationField> fields, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var restore = fields.Distinct().Order().ToArray();
        foreach (var field in restore)
        {
            if (!Enum.IsDefined(field))
            {
                throw new ArgumentOutOfRangeException(nameof(fields), field, "Not a field.");
            }
        }

        return WriteAsync(async (connection, transaction) =>
        {
            var role = await RequireRoleAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            var profile = new CustomOccupationProfile(Placeholder(role), role.Overrides);
            foreach (var field in restore)
            {
                profile = profile.Restore(field);
            }

            var updated = role with { Overrides = profile.Overrides };
            await WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Restored, restore, null), cancellationToken).ConfigureAwait(false);
            return updated;
        }, cancellationToken);
    }

    /// <summary>
    /// Copies a role's customizations to another: each field the source customizes replaces the target's; the target's
    /// other customizations stay. The roles' own titles, descriptions and skills are not copied.
    /// </summary>
    /// <param name="sourceId">The role to copy from.</param>
    /// <param name="targetId">The role to copy to.</param>
    /// <param name="author">Who makes the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The target role as stored now.</returns>
    /// <exception cref="KeyNotFoundException">A role does not exist.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<FeaturedRole> CopyCustomizationsAsync(string sourceId, string targetId, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(targetId);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return WriteAsync(async (connection, transaction) =>
        {
            var source = await RequireRoleAsync(connection, transaction, sourceId, cancellationToken).ConfigureAwait(false);
            var target = await RequireRoleAsync(connection, transaction, targetId, cancellationToken).ConfigureAwait(false);
            var updated = target with { Overrides = new CustomOccupationProfile(Placeholder(target), target.Overrides).Apply(source.Overrides).Overrides };
            await WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await AppendAsync(connection, transaction, Change(targetId, author, FeaturedRoleChangeKind.Copied, Touched(source.Overrides), source.Overrides) with { SourceRoleId = sourceId }, cancellationToken)
                .ConfigureAwait(false);
            return updated;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a role's own fields (employer, title, occupation, description, skills); its customizations stay as stored
    /// (change those with <see cref="OverrideAsync"/>, <see cref="RestoreAsync"/> and <see cref="CopyCustomizationsAsync"/>).
    /// The history keeps the role as it stood after the edit.
    /// </summary>
    /// <param name="role">The role with its new fields (its <see cref="FeaturedRole.Overrides"/> are not read).</param>
    /// <param name="author">Who makes the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The role as stored now.</returns>
    /// <exception cref="KeyNotFoundException">No role has this id.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<FeaturedRole> UpdateAsync(FeaturedRole role, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return WriteAsync(async (connection, transaction) =>
        {
            var stored = await RequireRoleAsync(connection, transaction, role.Id, cancellationToken).ConfigureAwait(false);
            var updated = role with { Overrides = stored.Overrides };
            await WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await AppendAsync(connection, transaction, Change(role.Id, author, FeaturedRoleChangeKind.Edited, [], null) with { Snapshot = updated }, cancellationToken)
                .ConfigureAwait(false);
            return updated;
        }, cancellationToken);
    }

    /// <summary>Removes a role; its history stays, ending with the removal.</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="author">Who removes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>False when no role had this id (nothing is written).</returns>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<bool> RemoveAsync(string id, string author, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        return WriteAsync(async (connection, transaction) =>
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM roles WHERE id = $id";
            delete.Parameters.AddWithValue("$id", id);
            if (await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }

            await AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Removed, [], null), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>A role's history, oldest first (empty for an unknown role).</summary>
    /// <param name="id">The role's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<IReadOnlyList<FeaturedRoleChange>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ReadAsync(connection => ReadHistoryAsync(connection, id, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// The role's profile: the inherited O*NET content with its customizations, and which fields are custom. When the
    /// content source does not know the occupation, the inherited fields are empty.
    /// </summary>
    /// <param name="id">The role's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The profile, or null when no role has this id.</returns>
    /// <exception cref="InvalidOperationException">The store was created without a content source.</exception>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public async Task<FeaturedRoleProfile?> GetProfileAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var content = _content ?? throw new InvalidOperationException("The store has no content source: pass one (such as an OnetDatabase) to inherit O*NET content.");
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } role)
        {
            return null;
        }

        var baseline = await content.GetProfileAsync(role.Code, cancellationToken).ConfigureAwait(false) ?? Placeholder(role);
        return FeaturedRoleProfile.Create(role, baseline);
    }

    /// <summary>Every role and the whole history, for a JSON export (<c>OnetJsonContext.Default.FeaturedRoleExport</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public async Task<FeaturedRoleExport> ExportAsync(CancellationToken cancellationToken = default)
    {
        var roles = await ListAsync(null, cancellationToken).ConfigureAwait(false);
        var history = await ReadAsync(connection => ReadHistoryAsync(connection, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new FeaturedRoleExport(_time.GetUtcNow(), roles, history);
    }

    // The customization layer needs a baseline; overrides alone do not depend on its values.
    private static OccupationProfile Placeholder(FeaturedRole role) => new() { Code = role.Code, Title = "", Description = "" };

    private static void CheckOverrides(OccupationOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.JobZone is < 1 or > 5)
        {
            throw new ArgumentOutOfRangeException(nameof(overrides), overrides.JobZone, "A job zone is 1 to 5.");
        }
    }

    private Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken) =>
        RunAsync(action, cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> action, CancellationToken cancellationToken) =>
        RunAsync(async connection =>
        {
            // BEGIN IMMEDIATE: the write lock is taken up front, so two writers queue instead of deadlocking.
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await action(connection, transaction).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    private async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> action, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await action(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw FeaturedRoleStoreErrors.From(_path, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FeaturedRoleStoreException(_path, false, $"The featured-role database '{_path}' cannot be opened: {ex.Message}", ex);
        }
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        // Idempotent (CREATE ... IF NOT EXISTS), so two first calls racing here do no harm.
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version";
        var found = Convert.ToInt64(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        if (found > SchemaVersion)
        {
            throw new FeaturedRoleStoreException(_path, false, $"The featured-role database '{_path}' has schema version {found}; this version reads up to {SchemaVersion}.", null);
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
        _schemaReady = true;
    }

    private async Task<FeaturedRole> RequireRoleAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken) =>
        await ReadRoleAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"No featured role has id '{id}'.");

    private async Task<FeaturedRole?> ReadRoleAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken cancellationToken)
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

    private async Task<IReadOnlyList<FeaturedRoleChange>> ReadHistoryAsync(SqliteConnection connection, string? id, CancellationToken cancellationToken)
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

    private static async Task WriteRoleAsync(SqliteConnection connection, SqliteTransaction transaction, FeaturedRole role, bool insert, CancellationToken cancellationToken)
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

    private static FeaturedRoleChange Change(string id, string author, FeaturedRoleChangeKind kind, IReadOnlyList<OccupationField> fields, OccupationOverrides? values) =>
        new(0, id, default, author, kind, fields, values, null);

    // The sequence and the time are the store's: the database numbers the entry, the clock times it.
    private async Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, FeaturedRoleChange change, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO history (role_id, time, author, kind, fields, change_values, source_role_id, snapshot)
            VALUES ($id, $time, $author, $kind, $fields, $values, $source, $snapshot)
            """;
        command.Parameters.AddWithValue("$id", change.RoleId);
        command.Parameters.AddWithValue("$time", _time.GetUtcNow().UtcTicks);
        command.Parameters.AddWithValue("$author", change.Author);
        command.Parameters.AddWithValue("$kind", change.Kind.ToString());
        command.Parameters.AddWithValue("$fields", JsonSerializer.Serialize(change.Fields, OnetJsonContext.Default.IReadOnlyListOccupationField));
        command.Parameters.AddWithValue("$values", change.Values is null ? DBNull.Value : JsonSerializer.Serialize(change.Values, OnetJsonContext.Default.OccupationOverrides));
        command.Parameters.AddWithValue("$source", (object?)change.SourceRoleId ?? DBNull.Value);
        command.Parameters.AddWithValue("$snapshot", change.Snapshot is null ? DBNull.Value : JsonSerializer.Serialize(change.Snapshot, OnetJsonContext.Default.FeaturedRole));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static OccupationField[] Touched(OccupationOverrides? overrides) => overrides is null
        ? []
        : new CustomOccupationProfile(new OccupationProfile { Code = default, Title = "", Description = "" }, overrides).OverriddenFields.ToArray();

    private string Text(SqliteDataReader reader, int ordinal, string column, string row) =>
        reader.IsDBNull(ordinal) || reader.GetValue(ordinal) is not string s ? throw Damaged(row, column, "missing or not text") : s;

    private string? OptionalText(SqliteDataReader reader, int ordinal, string column, string row) =>
        reader.IsDBNull(ordinal) ? null : Text(reader, ordinal, column, row);

    private OccupationOverrides Checked(OccupationOverrides overrides, string row, string column) =>
        overrides.JobZone is < 1 or > 5 ? throw Damaged(row, column, $"job zone {overrides.JobZone} is not 1 to 5") : overrides;

    private T Json<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string row, string column)
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
        new(_path, 0, column, $"row '{row}': {reason}", inner);
}

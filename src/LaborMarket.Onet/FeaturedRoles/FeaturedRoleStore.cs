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
    private readonly string _path;
    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly IOccupationContentSource? _content;
    private readonly FeaturedRoleTables _tables;
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
        _tables = new FeaturedRoleTables(_path, _time);
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
            if (await _tables.ReadRoleAsync(connection, transaction, role.Id, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new InvalidOperationException($"A featured role with id '{role.Id}' exists.");
            }

            await FeaturedRoleTables.WriteRoleAsync(connection, transaction, role, insert: true, cancellationToken).ConfigureAwait(false);
            await _tables.AppendAsync(connection, transaction, Change(role.Id, author, FeaturedRoleChangeKind.Created, Touched(role.Overrides), role.Overrides) with { Snapshot = role }, cancellationToken).ConfigureAwait(false);
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
        return ReadAsync(connection => _tables.ReadRoleAsync(connection, null, id, cancellationToken), cancellationToken);
    }

    /// <summary>The roles, by id; only one employer's when <paramref name="employer"/> is given.</summary>
    /// <param name="employer">An employer, or null for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="FeaturedRoleStoreException">The database cannot be used.</exception>
    public Task<IReadOnlyList<FeaturedRole>> ListAsync(string? employer = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => _tables.ReadRolesAsync(connection, employer, cancellationToken), cancellationToken);

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
                await FeaturedRoleTables.WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
                await _tables.AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Overridden, Touched(overrides), overrides), cancellationToken).ConfigureAwait(false);
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
            await FeaturedRoleTables.WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await _tables.AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Restored, restore, null), cancellationToken).ConfigureAwait(false);
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
            await FeaturedRoleTables.WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await _tables.AppendAsync(connection, transaction, Change(targetId, author, FeaturedRoleChangeKind.Copied, Touched(source.Overrides), source.Overrides) with { SourceRoleId = sourceId }, cancellationToken)
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
            await FeaturedRoleTables.WriteRoleAsync(connection, transaction, updated, insert: false, cancellationToken).ConfigureAwait(false);
            await _tables.AppendAsync(connection, transaction, Change(role.Id, author, FeaturedRoleChangeKind.Edited, [], null) with { Snapshot = updated }, cancellationToken)
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
            if (!await FeaturedRoleTables.DeleteRoleAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            await _tables.AppendAsync(connection, transaction, Change(id, author, FeaturedRoleChangeKind.Removed, [], null), cancellationToken).ConfigureAwait(false);
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
        return ReadAsync(connection => _tables.ReadHistoryAsync(connection, id, cancellationToken), cancellationToken);
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
        var history = await ReadAsync(connection => _tables.ReadHistoryAsync(connection, null, cancellationToken), cancellationToken).ConfigureAwait(false);
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

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await _tables.CreateSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        _schemaReady = true;
    }

    private async Task<FeaturedRole> RequireRoleAsync(SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken cancellationToken) =>
        await _tables.ReadRoleAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"No featured role has id '{id}'.");

    private static FeaturedRoleChange Change(string id, string author, FeaturedRoleChangeKind kind, IReadOnlyList<OccupationField> fields, OccupationOverrides? values) =>
        new(0, id, default, author, kind, fields, values, null);

    private static OccupationField[] Touched(OccupationOverrides? overrides) => overrides is null
        ? []
        : new CustomOccupationProfile(new OccupationProfile { Code = default, Title = "", Description = "" }, overrides).OverriddenFields.ToArray();
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace LaborMarket.Onet.Caching;

/// <summary>
/// An <see cref="IDistributedCache"/> in one SQLite file: HybridCache's second level, so responses survive restarts
/// and are shared by processes on one machine. It never turns its own trouble into a failed call: an expired or
/// unreadable entry is a miss; a file that is not a database is recreated; a folder or file that cannot be written
/// turns caching off with one warning. Expiry is read on the injected clock; the first use in a process deletes the
/// expired entries, so keys that are never asked for again do not grow the file for ever.
/// </summary>
internal sealed partial class SqliteDistributedCache : IDistributedCache
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private string? _connectionString;
    private bool _initialized;
    private volatile bool _disabled;

    public SqliteDistributedCache(string path, TimeProvider time, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _time = time;
        _logger = logger;
    }

    public byte[]? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Run(connection =>
        {
            var now = _time.GetUtcNow().UtcTicks;
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT value, expires FROM entries WHERE key = $key";
            read.Parameters.AddWithValue("$key", key);
            using var reader = read.ExecuteReader();
            if (!reader.Read() || reader.IsDBNull(0) || reader.IsDBNull(1))
            {
                return null;
            }

            // A value of the wrong type (a damaged row) is a miss, and goes like an expired one.
            var value = reader.GetValue(0) as byte[];
            var expires = reader.GetValue(1) is long ticks ? ticks : long.MinValue;
            if (value is not null && expires > now)
            {
                return value;
            }

            reader.Close();

            // Only the row that was read: a fresh write made meanwhile by another caller stays.
            using var delete = connection.CreateCommand();
            delete.CommandText = value is null
                ? "DELETE FROM entries WHERE key = $key AND typeof(value) <> 'blob'"
                : "DELETE FROM entries WHERE key = $key AND expires <= $now";
            delete.Parameters.AddWithValue("$key", key);
            delete.Parameters.AddWithValue("$now", now);
            delete.ExecuteNonQuery();
            return null;
        }, null);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        return Task.FromResult(Get(key));
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = _time.GetUtcNow();
        var ttl = options.AbsoluteExpirationRelativeToNow ?? options.SlidingExpiration;
        var expires = options.AbsoluteExpiration
            ?? (ttl is { } t && t < DateTimeOffset.MaxValue - now ? now + t : DateTimeOffset.MaxValue);
        Run(connection =>
        {
            using var write = connection.CreateCommand();
            write.CommandText = "INSERT OR REPLACE INTO entries (key, value, expires) VALUES ($key, $value, $expires)";
            write.Parameters.AddWithValue("$key", key);
            write.Parameters.AddWithValue("$value", value);
            write.Parameters.AddWithValue("$expires", expires.UtcTicks);
            write.ExecuteNonQuery();
            return true;
        }, false);
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Set(key, value, options);
        return Task.CompletedTask;
    }

    /// <summary>Entries expire at a fixed time; there is nothing to refresh.</summary>
    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Run(connection =>
        {
            using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM entries WHERE key = $key";
            delete.Parameters.AddWithValue("$key", key);
            delete.ExecuteNonQuery();
            return true;
        }, false);
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Remove(key);
        return Task.CompletedTask;
    }

    private T Run<T>(Func<SqliteConnection, T> action, T fallback)
    {
        if (_disabled || Initialize() is not { } connectionString)
        {
            return fallback;
        }

        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            return action(connection);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            Disable(ex);
            return fallback;
        }
    }

    private string? Initialize()
    {
        lock (_gate)
        {
            if (_initialized)
            {
                return _connectionString;
            }

            _initialized = true;
            var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 5 }.ToString();
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                var now = _time.GetUtcNow().UtcTicks;
                try
                {
                    Open(connectionString, now);
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
                {
                    // A damaged file holds nothing worth keeping: start it again.
                    SqliteConnection.ClearAllPools();
                    File.Delete(_path);
                    Open(connectionString, now);
                }

                _connectionString = connectionString;
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
            {
                Disable(ex);
            }

            return _connectionString;
        }
    }

    // Creates the table if need be and deletes what has expired (a get deletes only the key it reads).
    private static void Open(string connectionString, long now)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, expires INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS entries_expires ON entries (expires);
            """;
        create.ExecuteNonQuery();

        using var sweep = connection.CreateCommand();
        sweep.CommandText = "DELETE FROM entries WHERE expires <= $now";
        sweep.Parameters.AddWithValue("$now", now);
        try
        {
            sweep.ExecuteNonQuery();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 8) // SQLITE_READONLY: the hits can still be read
        {
        }
    }

    private void Disable(Exception ex)
    {
        if (!_disabled)
        {
            _disabled = true;
            CacheUnusable(_logger, _path, ex.GetType().Name, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The response cache at {Path} cannot be used ({Error}: {Detail}); responses are not cached until the process restarts")]
    private static partial void CacheUnusable(ILogger logger, string path, string error, string detail);
}

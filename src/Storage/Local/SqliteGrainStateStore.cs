using System.Text;
using Microsoft.Data.Sqlite;
using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>
/// Grain state in the <c>grain_state</c> table. Every write runs in one IMMEDIATE transaction that
/// checks the stored etag first, so of two silos writing with the same etag exactly one wins. A record's query
/// fields live in <c>grain_field</c>, replaced in the same transaction.
/// </summary>
public sealed class SqliteGrainStateStore(LocalDatabase database) : IGrainStateStore
{
    private const string Columns = "type, tenant, key, json, version, etag, updated_at";
    private const string RecordColumns = "g.type, g.tenant, g.key, g.json, g.version, g.etag, g.updated_at";

    public Task<GrainStateRecord?> ReadAsync(StateKey id, CancellationToken cancellationToken = default)
    {
        Validate(id);
        return database.ReadAsync(connection => ReadRecord(connection, null, id), cancellationToken);
    }

    public Task<GrainStateRecord> WriteAsync(StateKey id, string json, long version, string? expectedETag, IReadOnlyList<QueryField>? fields = null, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(json);
        QueryField.ThrowIfInvalid(fields, nameof(fields));
        return database.WriteAsync((connection, transaction) =>
        {
            var storedETag = ReadETag(connection, transaction, id);
            if (storedETag != expectedETag)
                throw new ConcurrencyConflictException(id, expectedETag, storedETag);

            var record = new GrainStateRecord(id, json, version, NewETag(), LocalDatabase.FromMs(database.NowMs));
            using var upsert = connection.Command(
                $"INSERT OR REPLACE INTO grain_state ({Columns}) VALUES ($type, $tenant, $key, $json, $version, $etag, $updated)",
                transaction,
                ("$type", id.Type), ("$tenant", id.Tenant), ("$key", id.Key), ("$json", json), ("$version", version),
                ("$etag", record.ETag), ("$updated", record.UpdatedAt.ToUnixTimeMilliseconds()));
            upsert.ExecuteNonQuery();
            if (storedETag is not null)
                DeleteFields(connection, transaction, id);
            foreach (var field in fields ?? [])
            {
                using var insert = connection.Command(
                    "INSERT INTO grain_field (type, tenant, name, value, key) VALUES ($type, $tenant, $name, $value, $key)",
                    transaction, ("$type", id.Type), ("$tenant", id.Tenant), ("$name", field.Name), ("$value", field.Value), ("$key", id.Key));
                insert.ExecuteNonQuery();
            }
            return record;
        }, cancellationToken);
    }

    public Task DeleteAsync(StateKey id, string expectedETag, CancellationToken cancellationToken = default)
    {
        Validate(id);
        ArgumentNullException.ThrowIfNull(expectedETag);
        return database.WriteAsync((connection, transaction) =>
        {
            using var delete = connection.Command(
                "DELETE FROM grain_state WHERE type = $type AND tenant = $tenant AND key = $key AND etag = $etag",
                transaction, ("$type", id.Type), ("$tenant", id.Tenant), ("$key", id.Key), ("$etag", expectedETag));
            if (delete.ExecuteNonQuery() == 1)
            {
                DeleteFields(connection, transaction, id);
                return true;
            }
            throw new ConcurrencyConflictException(id, expectedETag, ReadETag(connection, transaction, id));
        }, cancellationToken);
    }

    public Task<GrainStatePage> QueryAsync(GrainQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrEmpty(query.Type, nameof(query.Type));
        ArgumentException.ThrowIfNullOrEmpty(query.Tenant, nameof(query.Tenant));
        ArgumentNullException.ThrowIfNull(query.KeyPrefix, nameof(query.KeyPrefix));
        query.ThrowIfInvalid();
        var after = query.Continuation is null ? null : DecodeContinuation(query.Continuation);

        return database.ReadAsync(connection =>
        {
            var parameters = new List<(string, object?)> { ("$type", query.Type), ("$tenant", query.Tenant), ("$top", query.Top + 1) };
            // With fields, the first field's index range drives the listing in key order (the other fields and the
            // record are primary-key lookups), so records that do not match are never read.
            var where = query.Where ?? [];
            var sql = new StringBuilder($"SELECT {RecordColumns} FROM ");
            var key = "g.key";
            if (where.Count == 0)
                sql.Append("grain_state g WHERE g.type = $type AND g.tenant = $tenant");
            else
            {
                key = "f0.key";
                sql.Append("grain_field f0");
                for (var i = 1; i < where.Count; i++)
                    sql.Append($" JOIN grain_field f{i} ON f{i}.type = f0.type AND f{i}.tenant = f0.tenant AND f{i}.name = $name{i} AND f{i}.value = $value{i} AND f{i}.key = f0.key");
                sql.Append(" JOIN grain_state g ON g.type = f0.type AND g.tenant = f0.tenant AND g.key = f0.key")
                   .Append(" WHERE f0.type = $type AND f0.tenant = $tenant AND f0.name = $name0 AND f0.value = $value0");
                for (var i = 0; i < where.Count; i++)
                {
                    parameters.Add(($"$name{i}", where[i].Name));
                    parameters.Add(($"$value{i}", where[i].Value));
                }
            }
            if (query.KeyPrefix.Length > 0)
            {
                // Exact prefix test by comparison, not LIKE (no wildcards to escape, case-sensitive);
                // the range bounds let the primary key index do the work.
                sql.Append($" AND {key} >= $prefix AND substr({key}, 1, length($prefix)) = $prefix");
                parameters.Add(("$prefix", query.KeyPrefix));
                if (UpperBound(query.KeyPrefix) is { } upper)
                {
                    sql.Append($" AND {key} < $upper");
                    parameters.Add(("$upper", upper));
                }
            }
            if (after is not null)
            {
                sql.Append(query.Descending ? $" AND {key} < $after" : $" AND {key} > $after");
                parameters.Add(("$after", after));
            }
            sql.Append(query.Descending ? $" ORDER BY {key} DESC" : $" ORDER BY {key} ASC").Append(" LIMIT $top");

            using var command = connection.Command(sql.ToString(), null, [.. parameters]);
            using var reader = command.ExecuteReader();
            var items = new List<GrainStateRecord>(Math.Min(query.Top, 64));
            var more = false;
            while (reader.Read())
            {
                if (items.Count == query.Top)
                {
                    more = true;
                    break;
                }
                items.Add(ToRecord(reader));
            }
            return new GrainStatePage(items, more ? EncodeContinuation(items[^1].Id.Key) : null);
        }, cancellationToken);
    }

    private static GrainStateRecord? ReadRecord(SqliteConnection connection, SqliteTransaction? transaction, StateKey id)
    {
        using var command = connection.Command(
            $"SELECT {Columns} FROM grain_state WHERE type = $type AND tenant = $tenant AND key = $key",
            transaction, ("$type", id.Type), ("$tenant", id.Tenant), ("$key", id.Key));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ToRecord(reader) : null;
    }

    private static string? ReadETag(SqliteConnection connection, SqliteTransaction transaction, StateKey id)
    {
        using var command = connection.Command(
            "SELECT etag FROM grain_state WHERE type = $type AND tenant = $tenant AND key = $key",
            transaction, ("$type", id.Type), ("$tenant", id.Tenant), ("$key", id.Key));
        return command.ExecuteScalar() as string;
    }

    private static void DeleteFields(SqliteConnection connection, SqliteTransaction transaction, StateKey id)
    {
        using var delete = connection.Command(
            "DELETE FROM grain_field WHERE type = $type AND tenant = $tenant AND key = $key",
            transaction, ("$type", id.Type), ("$tenant", id.Tenant), ("$key", id.Key));
        delete.ExecuteNonQuery();
    }

    private static GrainStateRecord ToRecord(SqliteDataReader reader) => new(
        new StateKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
        reader.GetString(3),
        reader.GetInt64(4),
        reader.GetString(5),
        LocalDatabase.FromMs(reader.GetInt64(6)));

    private static string NewETag() => Guid.NewGuid().ToString("N");

    private static void Validate(StateKey id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id.Type, nameof(StateKey.Type));
        ArgumentException.ThrowIfNullOrEmpty(id.Tenant, nameof(StateKey.Tenant));
        ArgumentException.ThrowIfNullOrEmpty(id.Key, nameof(StateKey.Key));
    }

    /// <summary>
    /// The prefix with its last character raised by one: every key that starts with the prefix sorts
    /// below it (UTF-8 byte order follows code points). Null when the last character cannot be raised simply.
    /// </summary>
    private static string? UpperBound(string prefix)
    {
        var last = prefix[^1];
        if (char.IsSurrogate(last) || last >= '\uD7FF')
            return null;
        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(last + 1)]);
    }

    private static string EncodeContinuation(string lastKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastKey));

    private static string DecodeContinuation(string continuation)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(continuation));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not one this store returned. Pass the Continuation of the previous page unchanged, or null for the first page.", nameof(continuation));
        }
    }
}

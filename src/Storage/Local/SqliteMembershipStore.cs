using OrleansBatch.Grains.Providers;

namespace OrleansBatch.Storage.Local;

/// <summary>Silo rows: each silo upserts its own row on every heartbeat; listing reads them all.</summary>
public sealed class SqliteMembershipStore(LocalDatabase database) : IMembershipStore
{
    public Task UpsertAsync(SiloInfo silo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrEmpty(silo.Id, nameof(silo.Id));
        ArgumentNullException.ThrowIfNull(silo.Address, nameof(silo.Address));
        return database.ExecuteAsync(
            """
            INSERT INTO silo (id, address, status, started_at, last_heartbeat, active_mini_batches)
            VALUES ($id, $address, $status, $started, $heartbeat, $active)
            ON CONFLICT (id) DO UPDATE SET address = excluded.address, status = excluded.status, started_at = excluded.started_at,
                last_heartbeat = excluded.last_heartbeat, active_mini_batches = excluded.active_mini_batches
            """,
            [
                ("$id", silo.Id), ("$address", silo.Address), ("$status", silo.Status.ToString()),
                ("$started", silo.StartedAt.ToUnixTimeMilliseconds()), ("$heartbeat", silo.LastHeartbeat.ToUnixTimeMilliseconds()),
                ("$active", silo.ActiveMiniBatches),
            ],
            cancellationToken);
    }

    public Task<IReadOnlyList<SiloInfo>> ListAsync(CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<SiloInfo>>(connection =>
        {
            using var command = connection.Command(
                "SELECT id, address, status, started_at, last_heartbeat, active_mini_batches FROM silo ORDER BY id", null);
            using var reader = command.ExecuteReader();
            var silos = new List<SiloInfo>();
            while (reader.Read())
            {
                silos.Add(new SiloInfo(
                    reader.GetString(0),
                    reader.GetString(1),
                    Enum.TryParse<SiloStatus>(reader.GetString(2), out var status) ? status : SiloStatus.Dead,
                    LocalDatabase.FromMs(reader.GetInt64(3)),
                    LocalDatabase.FromMs(reader.GetInt64(4)),
                    reader.GetInt32(5)));
            }
            return silos;
        }, cancellationToken);
}

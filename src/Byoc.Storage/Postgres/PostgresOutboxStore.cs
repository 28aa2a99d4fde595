using Byoc.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Byoc.Storage.Postgres;

/// <summary>The outbox and the Pub/Sub replay checkpoints on PostgreSQL; both change in one transaction.</summary>
internal sealed class PostgresOutboxStore(PostgresDatabase database, TimeProvider timeProvider)
    : PostgresWorkQueue(database, timeProvider, "outbox"), IOutboxStore
{
    public async Task<bool> TryAddWithCheckpointAsync(NewQueueItem? item, ReplayCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = item is not null && await InsertAsync(connection, transaction, item, cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO replay_checkpoints (topic, replay_id, updated_at) VALUES (@topic, @replay, @now)
            ON CONFLICT (topic) DO UPDATE SET replay_id = excluded.replay_id, updated_at = excluded.updated_at
            """, connection, transaction);
        command.Parameters.AddWithValue("topic", checkpoint.Topic);
        command.Parameters.Add(new NpgsqlParameter("replay", NpgsqlDbType.Bytea) { Value = (object?)checkpoint.ReplayId ?? DBNull.Value });
        command.Parameters.AddWithValue("now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<byte[]?> GetReplayIdAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT replay_id FROM replay_checkpoints WHERE topic = @topic", connection);
        command.Parameters.AddWithValue("topic", topic);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }
}

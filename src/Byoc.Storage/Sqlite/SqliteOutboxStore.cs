using Byoc.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Byoc.Storage.Sqlite;

/// <summary>The outbox and the Pub/Sub replay checkpoints on SQLite; both change in one transaction.</summary>
internal sealed class SqliteOutboxStore(SqliteDatabase database, TimeProvider timeProvider)
    : SqliteWorkQueue(database, timeProvider, "outbox"), IOutboxStore
{
    public async Task<bool> TryAddWithCheckpointAsync(NewQueueItem? item, ReplayCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var inserted = item is not null && await InsertAsync(connection, transaction, item, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO replay_checkpoints (topic, replay_id, updated_at) VALUES ($topic, $replay, $now)
            ON CONFLICT (topic) DO UPDATE SET replay_id = excluded.replay_id, updated_at = excluded.updated_at
            """;
        command.Parameters.AddWithValue("$topic", checkpoint.Topic);
        command.Parameters.AddWithValue("$replay", checkpoint.ReplayId);
        command.Parameters.AddWithValue("$now", Now());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<byte[]?> GetReplayIdAsync(string topic, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT replay_id FROM replay_checkpoints WHERE topic = $topic";
        command.Parameters.AddWithValue("$topic", topic);
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }
}

using System.Diagnostics.CodeAnalysis;
using Byoc.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Byoc.Storage.Sqlite;

/// <summary>The inbox/outbox logic over one table. Status: 0 pending, 1 done, 2 dead. Done rows stay as the de-dup record.</summary>
[SuppressMessage("Security", "CA2100", Justification = "The only interpolated part is the table name, a constant of the derived class.")]
internal abstract class SqliteWorkQueue(SqliteDatabase database, TimeProvider timeProvider, string table) : IWorkQueue
{
    protected SqliteDatabase Database { get; } = database;

    protected TimeProvider TimeProvider { get; } = timeProvider;

    protected string Table { get; } = table;

    public async Task<bool> TryAddAsync(NewQueueItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await InsertAsync(connection, null, item, cancellationToken);
    }

    public async Task<bool> ContainsAsync(string source, string key, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM {Table} WHERE source = $source AND key = $key)";
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$key", key);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }

    protected async Task<bool> InsertAsync(SqliteConnection connection, SqliteTransaction? transaction, NewQueueItem item,
        CancellationToken cancellationToken)
    {
        var now = Now();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO {Table} (source, key, conversation_key, payload, trace_parent, next_attempt_at, created_at)
            VALUES ($source, $key, $conversation, $payload, $trace, $now, $now)
            ON CONFLICT (source, key) DO NOTHING
            """;
        command.Parameters.AddWithValue("$source", item.Source);
        command.Parameters.AddWithValue("$key", item.Key);
        command.Parameters.AddWithValue("$conversation", item.ConversationKey);
        command.Parameters.AddWithValue("$payload", item.Payload);
        command.Parameters.AddWithValue("$trace", (object?)item.TraceParent ?? DBNull.Value);
        command.Parameters.AddWithValue("$now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = Now();
        var until = now + (long)lease.TotalMilliseconds;
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var candidates = new List<QueueItem>();
        await using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = ClaimQuery(Table);
            select.Parameters.AddWithValue("$now", now);
            select.Parameters.AddWithValue("$max", maxItems);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                candidates.Add(new QueueItem
                {
                    Id = reader.GetInt64(0),
                    Key = reader.GetString(1),
                    ConversationKey = reader.GetString(2),
                    Payload = reader.GetString(3),
                    Attempts = reader.GetInt32(4),
                    LastError = reader.IsDBNull(5) ? null : reader.GetString(5),
                    TraceParent = reader.IsDBNull(6) ? null : reader.GetString(6),
                });
            }
        }

        var claimed = new List<QueueItem>(candidates.Count);
        foreach (var candidate in candidates)
        {
            await using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = $"""
                UPDATE {Table} SET lease_owner = $owner, lease_until = $until
                WHERE id = $id AND status = 0 AND (lease_until IS NULL OR lease_until <= $now)
                """;
            update.Parameters.AddWithValue("$owner", owner);
            update.Parameters.AddWithValue("$until", until);
            update.Parameters.AddWithValue("$id", candidate.Id);
            update.Parameters.AddWithValue("$now", now);
            if (await update.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                claimed.Add(candidate);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    /// <summary>
    /// Due, unleased rows that are the oldest pending row of their conversation, oldest first. Planned as a walk of
    /// <c>ix_*_claim</c> in id order with one <c>ix_*_pending</c> probe per row, stopping at <c>$max</c>: the cost follows
    /// the rows it passes, not the size of the backlog (no sort of every pending row).
    /// </summary>
    internal static string ClaimQuery(string table) => $"""
        SELECT i.id, i.key, i.conversation_key, i.payload, i.attempts, i.last_error, i.trace_parent FROM {table} AS i
        WHERE i.status = 0 AND i.next_attempt_at <= $now AND (i.lease_until IS NULL OR i.lease_until <= $now)
          AND NOT EXISTS (SELECT 1 FROM {table} AS p
                          WHERE p.conversation_key = i.conversation_key AND p.status = 0 AND p.id < i.id)
        ORDER BY i.id
        LIMIT $max
        """;

    public async Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Table} SET lease_owner = NULL, lease_until = NULL WHERE status = 0 AND lease_owner = $owner";
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table} SET status = 1, completed_at = $now, lease_owner = NULL, lease_until = NULL
            WHERE id = $id AND status = 0 AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string lastError,
        CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE {Table} SET attempts = attempts + 1, next_attempt_at = $next, last_error = $error,
                               lease_owner = NULL, lease_until = NULL
            WHERE id = $id AND status = 0 AND lease_owner = $owner
            """;
        command.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$error", lastError);
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeadLetterAsync(long id, string owner, string reason, string lastError, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var update = connection.CreateCommand();
        update.Transaction = transaction;
        update.CommandText = $"""
            UPDATE {Table} SET status = 2, attempts = attempts + 1, last_error = $error, completed_at = $now,
                               lease_owner = NULL, lease_until = NULL
            WHERE id = $id AND status = 0 AND lease_owner = $owner
            """;
        update.Parameters.AddWithValue("$error", lastError);
        update.Parameters.AddWithValue("$now", now);
        update.Parameters.AddWithValue("$id", id);
        update.Parameters.AddWithValue("$owner", owner);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO dead_letters (queue, source, key, conversation_key, payload, reason, last_error, attempts, dead_at)
            SELECT '{Table}', source, key, conversation_key, payload, $reason, $error, attempts, $now FROM {Table} WHERE id = $id
            """;
        insert.Parameters.AddWithValue("$reason", reason);
        insert.Parameters.AddWithValue("$error", lastError);
        insert.Parameters.AddWithValue("$now", now);
        insert.Parameters.AddWithValue("$id", id);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Table} WHERE status = 0";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected long Now() => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}

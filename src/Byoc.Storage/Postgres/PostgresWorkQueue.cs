using System.Diagnostics.CodeAnalysis;
using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>
/// The inbox/outbox logic on PostgreSQL for several connector instances: claims use <c>FOR UPDATE SKIP LOCKED</c>, so
/// two instances never take the same row, and only a conversation's oldest pending row is ever a candidate. The rows of an
/// instance that died are claimable at once, without waiting for their leases (<see cref="PostgresOwnerLocks"/>).
/// </summary>
[SuppressMessage("Security", "CA2100", Justification = "The only interpolated part is the table name, a constant of the derived class.")]
internal abstract class PostgresWorkQueue(PostgresDatabase database, TimeProvider timeProvider, string table) : IWorkQueue
{
    protected PostgresDatabase Database { get; } = database;

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
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Table} WHERE source = @source AND key = @key)", connection);
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    protected async Task<bool> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, NewQueueItem item,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {Table} (source, key, conversation_key, payload, trace_parent, next_attempt_at, created_at)
            VALUES (@source, @key, @conversation, @payload, @trace, @now, @now)
            ON CONFLICT (source, key) DO NOTHING
            """, connection, transaction);
        command.Parameters.AddWithValue("source", item.Source);
        command.Parameters.AddWithValue("key", item.Key);
        command.Parameters.AddWithValue("conversation", item.ConversationKey);
        command.Parameters.AddWithValue("payload", item.Payload);
        command.Parameters.AddWithValue("trace", (object?)item.TraceParent ?? DBNull.Value);
        command.Parameters.AddWithValue("now", Now());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<QueueItem>> ClaimAsync(string owner, int maxItems, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        await Database.OwnerLocks.HoldAsync(owner, cancellationToken);
        var now = Now();
        await using var connection = await Database.OpenAsync(cancellationToken);
        // A lease counts only while its owner's process is alive (PostgresOwnerLocks); and the claimer must be alive itself.
        await using var command = new NpgsqlCommand($"""
            WITH candidates AS (
                SELECT i.id FROM {Table} AS i
                WHERE i.status = 0 AND i.next_attempt_at <= @now
                  AND (i.lease_until IS NULL OR i.lease_until <= @now OR NOT {PostgresOwnerLocks.AliveSql("i.lease_owner")})
                  AND NOT EXISTS (SELECT 1 FROM {Table} AS p
                                  WHERE p.conversation_key = i.conversation_key AND p.status = 0 AND p.id < i.id)
                  AND {PostgresOwnerLocks.AliveSql("@owner")}
                ORDER BY i.id
                LIMIT @max
                FOR UPDATE SKIP LOCKED)
            UPDATE {Table} AS t SET lease_owner = @owner, lease_until = @until
            FROM candidates WHERE t.id = candidates.id
            RETURNING t.id, t.key, t.conversation_key, t.payload, t.attempts, t.last_error, t.trace_parent
            """, connection);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("max", maxItems);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("until", now + (long)lease.TotalMilliseconds);
        var claimed = new List<QueueItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new QueueItem
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

        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    public async Task<int> ReleaseAllAsync(string owner, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"UPDATE {Table} SET lease_owner = NULL, lease_until = NULL WHERE status = 0 AND lease_owner = @owner", connection);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> CompleteAsync(long id, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} SET status = 1, completed_at = @now, lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND status = 0 AND lease_owner = @owner
            """, connection);
        command.Parameters.AddWithValue("now", Now());
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> RetryLaterAsync(long id, string owner, DateTimeOffset nextAttemptAt, string lastError,
        CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            UPDATE {Table} SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error,
                               lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND status = 0 AND lease_owner = @owner
            """, connection);
        command.Parameters.AddWithValue("next", nextAttemptAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("error", lastError);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("owner", owner);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeadLetterAsync(long id, string owner, string reason, string lastError, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = new NpgsqlCommand($"""
            UPDATE {Table} SET status = 2, attempts = attempts + 1, last_error = @error, completed_at = @now,
                               lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND status = 0 AND lease_owner = @owner
            """, connection, transaction);
        update.Parameters.AddWithValue("error", lastError);
        update.Parameters.AddWithValue("now", now);
        update.Parameters.AddWithValue("id", id);
        update.Parameters.AddWithValue("owner", owner);
        if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO dead_letters (queue, source, key, conversation_key, payload, reason, last_error, attempts, dead_at)
            SELECT '{Table}', source, key, conversation_key, payload, @reason, @error, attempts, @now FROM {Table} WHERE id = @id
            """, connection, transaction);
        insert.Parameters.AddWithValue("reason", reason);
        insert.Parameters.AddWithValue("error", lastError);
        insert.Parameters.AddWithValue("now", now);
        insert.Parameters.AddWithValue("id", id);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> CountPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {Table} WHERE status = 0", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected long Now() => TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}

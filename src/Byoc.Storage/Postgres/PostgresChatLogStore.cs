using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>
/// The chat log on PostgreSQL. Appends for one end user take a transaction-scoped advisory lock on (channel, user), so
/// that instances sharing the database compute distinct, gap-free sequence numbers; readers are never blocked.
/// </summary>
internal sealed class PostgresChatLogStore(PostgresDatabase database, TimeProvider timeProvider) : IChatLogStore
{
    public async Task<ChatLogAppend> AppendAsync(string channel, string platformUserId, string key, string payload,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(platformUserId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(payload);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@lock, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("lock", $"chat_log\n{channel}\n{platformUserId}");
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        bool added;
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO chat_log (channel, platform_user_id, sequence, key, payload, created_at)
            SELECT @channel, @user, COALESCE(MAX(sequence), 0) + 1, @key, @payload, @now
            FROM chat_log WHERE channel = @channel AND platform_user_id = @user
            ON CONFLICT (channel, platform_user_id, key) DO NOTHING
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("channel", channel);
            insert.Parameters.AddWithValue("user", platformUserId);
            insert.Parameters.AddWithValue("key", key);
            insert.Parameters.AddWithValue("payload", payload);
            insert.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        await using var select = new NpgsqlCommand("""
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = @channel AND platform_user_id = @user AND key = @key
            """, connection, transaction);
        select.Parameters.AddWithValue("channel", channel);
        select.Parameters.AddWithValue("user", platformUserId);
        select.Parameters.AddWithValue("key", key);
        var entries = await ReadAllAsync(select, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChatLogAppend(entries.Count == 1 ? entries[0] : throw new InvalidOperationException("The appended chat log entry vanished."),
            added);
    }

    public async Task<ChatLogEntry?> FindAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("""
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = @channel AND platform_user_id = @user AND key = @key
            """, connection);
        select.Parameters.AddWithValue("channel", channel);
        select.Parameters.AddWithValue("user", platformUserId);
        select.Parameters.AddWithValue("key", key);
        return (await ReadAllAsync(select, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ChatLogEntry>> ReadAfterAsync(string channel, string platformUserId, long afterSequence, int maxEntries,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("""
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = @channel AND platform_user_id = @user AND sequence > @after
            ORDER BY sequence
            LIMIT @max
            """, connection);
        select.Parameters.AddWithValue("channel", channel);
        select.Parameters.AddWithValue("user", platformUserId);
        select.Parameters.AddWithValue("after", afterSequence);
        select.Parameters.AddWithValue("max", maxEntries);
        return await ReadAllAsync(select, cancellationToken);
    }

    private static async Task<List<ChatLogEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ChatLogEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ChatLogEntry(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return entries;
    }
}

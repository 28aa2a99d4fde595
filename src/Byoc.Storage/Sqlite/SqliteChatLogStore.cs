using Byoc.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Byoc.Storage.Sqlite;

/// <summary>
/// The chat log on SQLite. The next sequence is computed inside the INSERT statement, which SQLite runs under its single
/// writer lock, so concurrent appends for one end user get distinct, gap-free numbers; the unique keys back that up.
/// </summary>
internal sealed class SqliteChatLogStore(SqliteDatabase database, TimeProvider timeProvider) : IChatLogStore
{
    public async Task<ChatLogAppend> AppendAsync(string channel, string platformUserId, string key, string payload,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(platformUserId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(payload);
        await using var connection = await database.OpenAsync(cancellationToken);
        bool added;
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO chat_log (channel, platform_user_id, sequence, key, payload, created_at)
                SELECT $channel, $user, COALESCE(MAX(sequence), 0) + 1, $key, $payload, $now
                FROM chat_log WHERE channel = $channel AND platform_user_id = $user
                ON CONFLICT (channel, platform_user_id, key) DO NOTHING
                """;
            insert.Parameters.AddWithValue("$channel", channel);
            insert.Parameters.AddWithValue("$user", platformUserId);
            insert.Parameters.AddWithValue("$key", key);
            insert.Parameters.AddWithValue("$payload", payload);
            insert.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            added = await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
        }

        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = $channel AND platform_user_id = $user AND key = $key
            """;
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$user", platformUserId);
        select.Parameters.AddWithValue("$key", key);
        var entries = await ReadAllAsync(select, cancellationToken);
        return new ChatLogAppend(entries.Count == 1 ? entries[0] : throw new InvalidOperationException("The appended chat log entry vanished."),
            added);
    }

    public async Task<ChatLogEntry?> FindAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = $channel AND platform_user_id = $user AND key = $key
            """;
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$user", platformUserId);
        select.Parameters.AddWithValue("$key", key);
        return (await ReadAllAsync(select, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ChatLogEntry>> ReadAfterAsync(string channel, string platformUserId, long afterSequence, int maxEntries,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT sequence, key, payload, created_at FROM chat_log
            WHERE channel = $channel AND platform_user_id = $user AND sequence > $after
            ORDER BY sequence
            LIMIT $max
            """;
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$user", platformUserId);
        select.Parameters.AddWithValue("$after", afterSequence);
        select.Parameters.AddWithValue("$max", maxEntries);
        return await ReadAllAsync(select, cancellationToken);
    }

    private static async Task<List<ChatLogEntry>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
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

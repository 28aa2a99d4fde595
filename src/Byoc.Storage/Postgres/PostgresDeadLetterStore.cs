using System.Diagnostics.CodeAnalysis;
using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>Reads, replays and purges dead letters in PostgreSQL.</summary>
[SuppressMessage("Security", "CA2100", Justification = "The only interpolated part is a queue table name checked against a fixed list.")]
internal sealed class PostgresDeadLetterStore(PostgresDatabase database, TimeProvider timeProvider) : IDeadLetterStore
{
    private const string Columns = "id, queue, source, key, payload, reason, last_error, attempts, dead_at";

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken) =>
        ListAsync(max, null, cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, long? beforeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM dead_letters WHERE id < @before ORDER BY id DESC LIMIT @max", connection);
        command.Parameters.AddWithValue("before", beforeId ?? long.MaxValue);
        command.Parameters.AddWithValue("max", max);
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<DeadLetter?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM dead_letters WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (await ReadAllAsync(command, cancellationToken)) is [var found] ? found : null;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM dead_letters", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string queue, source, key, conversationKey, payload;
        await using (var select = new NpgsqlCommand(
            "SELECT queue, source, key, conversation_key, payload FROM dead_letters WHERE id = @id FOR UPDATE", connection, transaction))
        {
            select.Parameters.AddWithValue("id", id);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            (queue, source, key, conversationKey, payload) =
                (DeadLetterQueues.Checked(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4));
        }

        // The dead row stays in its queue as the de-duplication record; it gives way to the replayed row.
        await using var remove = new NpgsqlCommand(
            $"DELETE FROM {queue} WHERE source = @source AND key = @key AND status = 2", connection, transaction);
        remove.Parameters.AddWithValue("source", source);
        remove.Parameters.AddWithValue("key", key);
        await remove.ExecuteNonQueryAsync(cancellationToken);

        await using var insert = new NpgsqlCommand($"""
            INSERT INTO {queue} (source, key, conversation_key, payload, next_attempt_at, created_at)
            VALUES (@source, @key, @conversation, @payload, @now, @now)
            ON CONFLICT (source, key) DO NOTHING
            """, connection, transaction);
        insert.Parameters.AddWithValue("source", source);
        insert.Parameters.AddWithValue("key", key);
        insert.Parameters.AddWithValue("conversation", conversationKey);
        insert.Parameters.AddWithValue("payload", payload);
        insert.Parameters.AddWithValue("now", now);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await using var delete = new NpgsqlCommand("DELETE FROM dead_letters WHERE id = @id", connection, transaction);
        delete.Parameters.AddWithValue("id", id);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<int> ReplayAllAsync(CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        await using (var command = new NpgsqlCommand("SELECT id FROM dead_letters ORDER BY id", connection))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var replayed = 0;
        foreach (var id in ids)
        {
            replayed += await ReplayAsync(id, cancellationToken) ? 1 : 0;
        }

        return replayed;
    }

    public async Task<bool> PurgeAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM dead_letters WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> PurgeAllAsync(DateTimeOffset? olderThan, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("DELETE FROM dead_letters WHERE dead_at < @before", connection);
        command.Parameters.AddWithValue("before", olderThan?.ToUnixTimeMilliseconds() ?? long.MaxValue);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<DeadLetter>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DeadLetter
            {
                Id = reader.GetInt64(0),
                Queue = reader.GetString(1),
                Source = reader.GetString(2),
                Key = reader.GetString(3),
                Payload = reader.GetString(4),
                Reason = reader.GetString(5),
                LastError = reader.GetString(6),
                Attempts = reader.GetInt32(7),
                DeadAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)),
            });
        }

        return result;
    }
}

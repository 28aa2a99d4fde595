using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>Reads dead letters from PostgreSQL.</summary>
internal sealed class PostgresDeadLetterStore(PostgresDatabase database) : IDeadLetterStore
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT queue, source, key, payload, reason, last_error, attempts, dead_at FROM dead_letters
            ORDER BY id DESC LIMIT @max
            """, connection);
        command.Parameters.AddWithValue("max", max);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new DeadLetter
            {
                Queue = reader.GetString(0),
                Source = reader.GetString(1),
                Key = reader.GetString(2),
                Payload = reader.GetString(3),
                Reason = reader.GetString(4),
                LastError = reader.GetString(5),
                Attempts = reader.GetInt32(6),
                DeadAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
            });
        }

        return result;
    }
}

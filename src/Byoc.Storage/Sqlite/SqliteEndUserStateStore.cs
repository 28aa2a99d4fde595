using Byoc.Core.Storage;

namespace Byoc.Storage.Sqlite;

/// <summary>End users' channel state on SQLite: one row per (channel, platform user, key), replaced in place.</summary>
internal sealed class SqliteEndUserStateStore(SqliteDatabase database, TimeProvider timeProvider) : IEndUserStateStore
{
    public async Task<string?> GetAsync(string channel, string platformUserId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM end_user_state WHERE channel = $channel AND platform_user_id = $user AND key = $key";
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$user", platformUserId);
        select.Parameters.AddWithValue("$key", key);
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string channel, string platformUserId, string key, string? value, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(platformUserId);
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = value is null
            ? "DELETE FROM end_user_state WHERE channel = $channel AND platform_user_id = $user AND key = $key"
            : """
              INSERT INTO end_user_state (channel, platform_user_id, key, value, updated_at)
              VALUES ($channel, $user, $key, $value, $now)
              ON CONFLICT (channel, platform_user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
              """;
        command.Parameters.AddWithValue("$channel", channel);
        command.Parameters.AddWithValue("$user", platformUserId);
        command.Parameters.AddWithValue("$key", key);
        if (value is not null)
        {
            command.Parameters.AddWithValue("$value", value);
            command.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

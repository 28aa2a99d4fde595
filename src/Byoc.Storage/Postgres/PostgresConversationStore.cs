using Byoc.Core.Storage;
using Npgsql;

namespace Byoc.Storage.Postgres;

/// <summary>The conversation map on PostgreSQL.</summary>
internal sealed class PostgresConversationStore(PostgresDatabase database, TimeProvider timeProvider) : IConversationStore
{
    private const string Columns =
        "channel, platform_user_id, channel_address_identifier, end_user_client_identifier, conversation_identifier, session_id";

    public async Task<ConversationRecord> GetOrAddAsync(string channel, string platformUserId, string channelAddressIdentifier,
        string endUserClientIdentifier, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO conversations (channel, platform_user_id, channel_address_identifier, end_user_client_identifier,
                                       created_at, updated_at)
            VALUES (@channel, @user, @address, @client, @now, @now)
            ON CONFLICT DO NOTHING
            """, connection))
        {
            insert.Parameters.AddWithValue("channel", channel);
            insert.Parameters.AddWithValue("user", platformUserId);
            insert.Parameters.AddWithValue("address", channelAddressIdentifier);
            insert.Parameters.AddWithValue("client", endUserClientIdentifier);
            insert.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand(
            $"SELECT {Columns} FROM conversations WHERE channel = @channel AND platform_user_id = @user", connection);
        select.Parameters.AddWithValue("channel", channel);
        select.Parameters.AddWithValue("user", platformUserId);
        return await ReadOneAsync(select, cancellationToken)
            ?? throw new InvalidOperationException(
                $"The end-user client identifier is already mapped to another platform user on channel address {channelAddressIdentifier}.");
    }

    public async Task<ConversationRecord?> FindByEndUserAsync(string channelAddressIdentifier, string endUserClientIdentifier,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            $"SELECT {Columns} FROM conversations WHERE channel_address_identifier = @address AND end_user_client_identifier = @client",
            connection);
        select.Parameters.AddWithValue("address", channelAddressIdentifier);
        select.Parameters.AddWithValue("client", endUserClientIdentifier);
        return await ReadOneAsync(select, cancellationToken);
    }

    public async Task SetConversationAsync(string channel, string platformUserId, string conversationIdentifier, string? sessionId,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var update = new NpgsqlCommand("""
            UPDATE conversations SET conversation_identifier = @conversation,
                                     session_id = COALESCE(@session, session_id), updated_at = @now
            WHERE channel = @channel AND platform_user_id = @user
            """, connection);
        update.Parameters.AddWithValue("conversation", conversationIdentifier);
        update.Parameters.Add(new NpgsqlParameter("session", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)sessionId ?? DBNull.Value });
        update.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("channel", channel);
        update.Parameters.AddWithValue("user", platformUserId);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<ConversationRecord?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new ConversationRecord
        {
            Channel = reader.GetString(0),
            PlatformUserId = reader.GetString(1),
            ChannelAddressIdentifier = reader.GetString(2),
            EndUserClientIdentifier = reader.GetString(3),
            ConversationIdentifier = reader.IsDBNull(4) ? null : reader.GetString(4),
            SessionId = reader.IsDBNull(5) ? null : reader.GetString(5),
        };
    }
}

namespace Byoc.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, table for table the same as <see cref="Sqlite.SqliteSchema"/>. Times are Unix milliseconds.
/// Runs at each start-up (<c>IF NOT EXISTS</c>), so added indexes reach existing databases. <c>ix_*_claim</c>, partial on
/// pending rows, lets a claim walk them in id order without passing the done rows kept as the de-dup record.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Serialises schema creation across connector instances starting together.</summary>
    public const long SchemaLockKey = 0x6279_6F63_0001;

    /// <summary>Creates the two work queues, then the other tables.</summary>
    public static readonly string Create = QueueTable("inbox") + QueueTable("outbox") + """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id BIGSERIAL PRIMARY KEY,
            queue TEXT NOT NULL,
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            reason TEXT NOT NULL,
            last_error TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            dead_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS replay_checkpoints (
            topic TEXT PRIMARY KEY,
            replay_id BYTEA NOT NULL,
            updated_at BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS conversations (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            channel_address_identifier TEXT NOT NULL,
            end_user_client_identifier TEXT NOT NULL,
            conversation_identifier TEXT NULL,
            session_id TEXT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (channel, platform_user_id),
            UNIQUE (channel_address_identifier, end_user_client_identifier));
        CREATE TABLE IF NOT EXISTS chat_log (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            sequence BIGINT NOT NULL,
            key TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (channel, platform_user_id, sequence),
            UNIQUE (channel, platform_user_id, key));
        CREATE TABLE IF NOT EXISTS end_user_state (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (channel, platform_user_id, key));
        ALTER TABLE inbox ADD COLUMN IF NOT EXISTS trace_parent TEXT NULL;
        ALTER TABLE outbox ADD COLUMN IF NOT EXISTS trace_parent TEXT NULL;
        """;

    /// <summary>One work queue (<c>inbox</c>, <c>outbox</c>): rows, the per-conversation probe and the claim index.</summary>
    private static string QueueTable(string name) => $$"""
        CREATE TABLE IF NOT EXISTS {{name}} (
            id BIGSERIAL PRIMARY KEY,
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            status SMALLINT NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            lease_owner TEXT NULL,
            lease_until BIGINT NULL,
            last_error TEXT NULL,
            trace_parent TEXT NULL,
            created_at BIGINT NOT NULL,
            completed_at BIGINT NULL,
            UNIQUE (source, key));
        CREATE INDEX IF NOT EXISTS ix_{{name}}_pending ON {{name}} (status, conversation_key, id);
        CREATE INDEX IF NOT EXISTS ix_{{name}}_claim ON {{name}} (id) WHERE status = 0;
        """ + "\n";
}

namespace Byoc.Storage.Sqlite;

/// <summary>
/// The SQLite schema. Times are Unix milliseconds (UTC). Written in portable SQL where possible. Every statement is
/// <c>IF NOT EXISTS</c> and runs at each start-up, so an index added here reaches existing databases too.
/// <c>ix_*_claim</c> lets a claim walk pending rows in id order and stop at its limit (no sort of the whole backlog);
/// <c>ix_*_pending</c> answers its "older pending row of the same conversation" probe. SQLite's planner does not pick a
/// partial <c>(id) WHERE status = 0</c> index for the claim, hence the plain two-column one.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Columns added after the first release: added to an existing database when missing.</summary>
    public static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        ("inbox", "trace_parent", "TEXT NULL"),
        ("outbox", "trace_parent", "TEXT NULL"),
    ];

    /// <summary>Creates the two work queues, then the other tables.</summary>
    public static readonly string Create = QueueTable("inbox") + QueueTable("outbox") + """
        CREATE TABLE IF NOT EXISTS dead_letters (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            queue TEXT NOT NULL,
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            reason TEXT NOT NULL,
            last_error TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            dead_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS replay_checkpoints (
            topic TEXT PRIMARY KEY,
            replay_id BLOB NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS conversations (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            channel_address_identifier TEXT NOT NULL,
            end_user_client_identifier TEXT NOT NULL,
            conversation_identifier TEXT NULL,
            session_id TEXT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (channel, platform_user_id),
            UNIQUE (channel_address_identifier, end_user_client_identifier));
        CREATE TABLE IF NOT EXISTS chat_log (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            key TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (channel, platform_user_id, sequence),
            UNIQUE (channel, platform_user_id, key));
        CREATE TABLE IF NOT EXISTS end_user_state (
            channel TEXT NOT NULL,
            platform_user_id TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (channel, platform_user_id, key));
        """;

    /// <summary>
    /// Run once by the process that just took the <see cref="SqliteOwnerLock"/>: every lease still in the file belongs to a
    /// process that is gone (a crash or SIGKILL), so its rows are claimable now instead of when the lease would run out.
    /// </summary>
    public const string ReleaseAbandonedLeases = """
        UPDATE inbox SET lease_owner = NULL, lease_until = NULL WHERE status = 0 AND lease_owner IS NOT NULL;
        UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE status = 0 AND lease_owner IS NOT NULL;
        """;

    /// <summary>One work queue (<c>inbox</c>, <c>outbox</c>): rows, the per-conversation probe and the claim index.</summary>
    private static string QueueTable(string name) => $$"""
        CREATE TABLE IF NOT EXISTS {{name}} (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL,
            key TEXT NOT NULL,
            conversation_key TEXT NOT NULL,
            payload TEXT NOT NULL,
            status INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL,
            last_error TEXT NULL,
            trace_parent TEXT NULL,
            created_at INTEGER NOT NULL,
            completed_at INTEGER NULL,
            UNIQUE (source, key));
        CREATE INDEX IF NOT EXISTS ix_{{name}}_pending ON {{name}} (status, conversation_key, id);
        CREATE INDEX IF NOT EXISTS ix_{{name}}_claim ON {{name}} (status, id);
        """ + "\n";
}

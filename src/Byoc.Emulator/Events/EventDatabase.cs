using Microsoft.Data.Sqlite;

namespace Byoc.Emulator.Events;

/// <summary>SQLite persistence of the event bus so that replay survives a restart (retention 72 h).</summary>
internal sealed class EventDatabase : IDisposable
{
    private readonly SqliteConnection _connection;

    public EventDatabase(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS events (
                replay_id INTEGER PRIMARY KEY, topic TEXT NOT NULL, event_id TEXT NOT NULL, schema_id TEXT NOT NULL,
                payload BLOB NOT NULL, created_at INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS schemas (schema_id TEXT PRIMARY KEY, event_name TEXT NOT NULL, schema_json TEXT NOT NULL);
            """);
    }

    public IEnumerable<StoredEvent> LoadEvents()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT replay_id, topic, event_id, schema_id, payload, created_at FROM events ORDER BY replay_id";
        using var reader = command.ExecuteReader();
        var events = new List<StoredEvent>();
        while (reader.Read())
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                (byte[])reader["payload"], DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5))));
        }

        return events;
    }

    public IEnumerable<(string EventName, string Json)> LoadSchemas()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT event_name, schema_json FROM schemas";
        using var reader = command.ExecuteReader();
        var schemas = new List<(string, string)>();
        while (reader.Read())
        {
            schemas.Add((reader.GetString(0), reader.GetString(1)));
        }

        return schemas;
    }

    public void Save(StoredEvent stored)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO events VALUES ($r, $t, $e, $s, $p, $c)";
        command.Parameters.AddWithValue("$r", stored.ReplayId);
        command.Parameters.AddWithValue("$t", stored.TopicName);
        command.Parameters.AddWithValue("$e", stored.EventId);
        command.Parameters.AddWithValue("$s", stored.SchemaId);
        command.Parameters.AddWithValue("$p", stored.Payload);
        command.Parameters.AddWithValue("$c", stored.CreatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    public void SaveSchema(PlatformEventSchema schema)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO schemas VALUES ($i, $n, $j)";
        command.Parameters.AddWithValue("$i", schema.SchemaId);
        command.Parameters.AddWithValue("$n", schema.EventName);
        command.Parameters.AddWithValue("$j", schema.SchemaJson);
        command.ExecuteNonQuery();
    }

    public void DeleteUpTo(long replayId)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM events WHERE replay_id <= $r";
        command.Parameters.AddWithValue("$r", replayId);
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

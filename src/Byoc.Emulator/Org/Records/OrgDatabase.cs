using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.Emulator.Org.Schema;
using Microsoft.Data.Sqlite;

namespace Byoc.Emulator.Org.Records;

/// <summary>SQLite persistence of the org: one row per record (fields as JSON) and one per custom sObject type.</summary>
internal sealed class OrgDatabase : IDisposable
{
    private readonly SqliteConnection _connection;

    public OrgDatabase(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS records (
                id TEXT PRIMARY KEY,
                object TEXT NOT NULL,
                seq INTEGER NOT NULL,
                fields TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS custom_objects (
                name TEXT PRIMARY KEY,
                definition TEXT NOT NULL);
            """);
    }

    public IEnumerable<SObjectDefinition> LoadCustomObjects()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT definition FROM custom_objects ORDER BY name";
        using var reader = command.ExecuteReader();
        var definitions = new List<SObjectDefinition>();
        while (reader.Read())
        {
            definitions.Add(CustomObjectJson.Read(reader.GetString(0)));
        }

        return definitions;
    }

    public IEnumerable<SObjectRecord> LoadRecords(OrgSchema schema)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, object, seq, fields FROM records ORDER BY seq";
        using var reader = command.ExecuteReader();
        var records = new List<SObjectRecord>();
        while (reader.Read())
        {
            var type = schema.FindObject(reader.GetString(1));
            if (type is null)
            {
                continue; // a custom type that was removed; its rows stay but are not loaded
            }

            records.Add(new SObjectRecord(type, reader.GetString(0), reader.GetInt64(2), ReadFields(type, reader.GetString(3))));
        }

        return records;
    }

    public void Save(IReadOnlyList<RecordChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        using var transaction = _connection.BeginTransaction();
        using var upsert = _connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = "INSERT OR REPLACE INTO records (id, object, seq, fields) VALUES ($id, $object, $seq, $fields)";
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        var objectName = upsert.Parameters.Add("$object", SqliteType.Text);
        var sequence = upsert.Parameters.Add("$seq", SqliteType.Integer);
        var fields = upsert.Parameters.Add("$fields", SqliteType.Text);
        using var delete = _connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM records WHERE id = $id";
        var deleteId = delete.Parameters.Add("$id", SqliteType.Text);

        foreach (var change in changes)
        {
            if (change.After is { } record)
            {
                id.Value = record.Id;
                objectName.Value = record.ObjectName;
                sequence.Value = record.Sequence;
                fields.Value = WriteFields(record);
                upsert.ExecuteNonQuery();
            }
            else
            {
                deleteId.Value = change.Before!.Id;
                delete.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    public void SaveCustomObject(SObjectDefinition definition)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO custom_objects (name, definition) VALUES ($name, $definition)";
        command.Parameters.AddWithValue("$name", definition.Name);
        command.Parameters.AddWithValue("$definition", CustomObjectJson.Write(definition));
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string WriteFields(SObjectRecord record)
    {
        var json = new JsonObject();
        foreach (var (name, value) in record.Fields)
        {
            json[name] = value switch
            {
                null => null,
                DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ => JsonValue.Create(value),
            };
        }

        return json.ToJsonString();
    }

    private static Dictionary<string, object?> ReadFields(SObjectDefinition type, string json)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in type.Fields)
        {
            values[field.Name] = field.Type == FieldType.Boolean ? false : null;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (type.FindField(property.Name) is { } field)
            {
                values[field.Name] = FieldValues.Coerce(type, field, property.Value);
            }
        }

        return values;
    }
}

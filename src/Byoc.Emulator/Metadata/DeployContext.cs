using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// The state of one deploy while its components are applied: the store transaction, and the custom types defined by
/// the deploy (registered in the schema only once the transaction commits).
/// </summary>
internal sealed class DeployContext(OrgWriter writer)
{
    public OrgWriter Writer { get; } = writer;

    public Dictionary<string, SObjectDefinition> PendingObjects { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SObjectDefinition? FindObject(string name) =>
        PendingObjects.GetValueOrDefault(name) ?? Writer.Schema.FindObject(name);

    /// <summary>The single record of a type whose field equals the value, or null.</summary>
    public SObjectRecord? FindBy(string type, string field, string value) =>
        Writer.Records(type).FirstOrDefault(r => string.Equals(r.GetString(field), value, StringComparison.OrdinalIgnoreCase));

    /// <summary>Inserts or updates the record identified by <paramref name="keyField"/>; true when it was created.</summary>
    public ComponentOutcome Upsert(string type, string keyField, string key, IReadOnlyDictionary<string, object?> values)
    {
        try
        {
            if (FindBy(type, keyField, key) is { } existing)
            {
                Writer.Update(existing.Id, values);
                return new ComponentOutcome(false, existing.Id);
            }

            var fields = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase) { [keyField] = key };
            return new ComponentOutcome(true, Writer.Insert(type, fields).Id);
        }
        catch (FieldValueException e)
        {
            throw new MetadataProblemException(e.Message);
        }
    }
}

using System.Globalization;
using System.Xml.Linq;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>CustomObject</c> components for platform events (<c>objects/X__e.object</c>, with the fields the CLI folds in
/// from the decomposed <c>objects/X__e/fields/*.field-meta.xml</c> source) and <c>CustomField</c> members
/// (<c>X__e.Field__c</c>, read from the parent object's file). Fields are added or replaced, never removed, as a real
/// deploy does. Custom objects (<c>__c</c>) are outside what the emulated org supports.
/// </summary>
internal static class CustomObjectMetadata
{
    public static ComponentOutcome ApplyObject(DeployContext context, MetadataComponent component)
    {
        var name = component.FullName;
        if (!name.EndsWith("__e", StringComparison.OrdinalIgnoreCase))
        {
            throw new MetadataProblemException(
                $"The emulated org deploys platform events (__e) only; {name} is not one.");
        }

        var root = component.Content!;
        var existing = context.FindObject(name);
        if (existing is not null && !existing.Custom)
        {
            throw new MetadataProblemException($"Cannot change standard object {existing.Name}.");
        }

        var fields = MetadataXml.All(root, "fields").Select(f => ToField(name, f)).ToList();
        var label = MetadataXml.Value(root, "label") ?? existing?.Label ?? name[..^3].Replace('_', ' ');
        context.PendingObjects[name] = Merge(name, label, existing, fields);
        return new ComponentOutcome(existing is null, null);
    }

    public static ComponentOutcome ApplyField(DeployContext context, MetadataComponent component)
    {
        var parts = component.FullName.Split('.');
        var existing = parts.Length == 2 ? context.FindObject(parts[0]) : null;
        if (existing is null || !existing.Custom)
        {
            throw new MetadataProblemException($"Cannot find a platform event named {parts[0]} for field {component.FullName}.");
        }

        var element = component.Content is null ? null : MetadataXml.All(component.Content, "fields")
            .FirstOrDefault(f => string.Equals(MetadataXml.Value(f, "fullName"), parts[1], StringComparison.OrdinalIgnoreCase));
        if (element is null)
        {
            throw new MetadataProblemException(
                $"An object '{component.FullName}' of type CustomField was named in package.xml, but was not found in zipped directory");
        }

        var created = context.Writer.Schema.FindObject(existing.Name)?.FindField(parts[1]) is null;
        context.PendingObjects[existing.Name] = Merge(existing.Name, existing.Label, existing, [ToField(existing.Name, element)]);
        return new ComponentOutcome(created, null);
    }

    private static SObjectDefinition Merge(string name, string label, SObjectDefinition? existing, List<FieldDefinition> fields)
    {
        var baseDefinition = new SObjectBuilder(name, existing?.KeyPrefix ?? KeyPrefixes.PlatformEventDefaultPrefix)
            .Label(label).Capabilities(SObjectCapabilities.Createable).Build(custom: true);
        var kept = existing?.Fields.Where(f => f.Custom && !fields.Any(n => string.Equals(n.Name, f.Name, StringComparison.OrdinalIgnoreCase))) ?? [];
        return new SObjectDefinition(name, baseDefinition.KeyPrefix, label, [.. baseDefinition.Fields, .. kept, .. fields],
            baseDefinition.Capabilities, baseDefinition.Surface, custom: true);
    }

    /// <summary>Platform-event field types: Text, LongTextArea, TextArea, Checkbox, Number, DateTime, Date.</summary>
    private static FieldDefinition ToField(string objectName, XElement field)
    {
        var name = MetadataXml.Required(field, "fullName");
        if (!name.EndsWith("__c", StringComparison.OrdinalIgnoreCase))
        {
            throw new MetadataProblemException($"Invalid field name {objectName}.{name}: custom field names end in __c.");
        }

        var label = MetadataXml.Value(field, "label") ?? name;
        var typeName = MetadataXml.Required(field, "type");
        int Length(int defaultLength) =>
            int.TryParse(MetadataXml.Value(field, "length"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : defaultLength;
        var (type, length) = typeName switch
        {
            "Text" => (FieldType.String, Length(255)),
            "LongTextArea" => (FieldType.TextArea, Length(32768)),
            "TextArea" => (FieldType.TextArea, 255),
            "Checkbox" => (FieldType.Boolean, 0),
            "Number" => (MetadataXml.Value(field, "scale") is null or "0" ? FieldType.Int : FieldType.Double, 0),
            "DateTime" => (FieldType.DateTime, 0),
            "Date" => (FieldType.Date, 0),
            _ => throw new MetadataProblemException(
                $"Field {name} has type {typeName}; platform event fields may be Checkbox, Date, DateTime, Number, Text or LongTextArea."),
        };
        return new FieldDefinition(name, type, label, [], null, [], true, true, type != FieldType.Boolean, length, true);
    }
}

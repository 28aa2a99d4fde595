using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// Metadata types that are one record keyed by <c>DeveloperName</c> (<c>ConversationVendorInfo</c>,
/// <c>ConversationChannelDefinition</c>): each element whose name matches an sObject field (camelCase → PascalCase)
/// sets that field; a <c>special</c> mapping handles elements that name other components.
/// </summary>
internal static class RecordMetadata
{
    public static ComponentOutcome Apply(
        DeployContext context, MetadataComponent component, string objectName,
        Func<string, string, (string Field, object? Value)?>? special = null)
    {
        var definition = context.FindObject(objectName)!;
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in component.Content!.Elements())
        {
            var name = element.Name.LocalName;
            var text = element.Value.Trim();
            if (name is "fullName" or "developerName")
            {
                continue;
            }

            if (special?.Invoke(name, text) is { } mapped)
            {
                values[mapped.Field] = mapped.Value;
                continue;
            }

            var field = definition.FindField(name);
            if (field is null || field.Name is "Id" || (!field.Createable && !field.Updateable))
            {
                throw new MetadataProblemException($"Error parsing file: Element {{{element.Name.NamespaceName}}}{name} invalid at this location in type {component.Type}");
            }

            values[field.Name] = Coerce(definition, field, text);
        }

        return context.Upsert(objectName, "DeveloperName", component.FullName, values);
    }

    /// <summary>The id of the record of <paramref name="type"/> whose DeveloperName is <paramref name="developerName"/>.</summary>
    public static string IdOf(DeployContext context, string field, string type, string developerName) =>
        context.FindBy(type, "DeveloperName", developerName)?.Id ??
            throw new MetadataProblemException($"In field: {field} - no {type} named {developerName} found");

    private static object? Coerce(SObjectDefinition definition, FieldDefinition field, string text)
    {
        try
        {
            return FieldValues.Coerce(definition, field, text.Length == 0 ? null : text);
        }
        catch (FieldValueException e)
        {
            throw new MetadataProblemException(e.Message);
        }
    }
}

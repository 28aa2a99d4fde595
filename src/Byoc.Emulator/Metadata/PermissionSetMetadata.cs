namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>PermissionSet</c> components → a <c>PermissionSet</c> record plus one <c>ObjectPermissions</c> record per
/// <c>objectPermissions</c> entry; field, user and other permissions are accepted and not modelled.
/// </summary>
internal static class PermissionSetMetadata
{
    public static ComponentOutcome Apply(DeployContext context, MetadataComponent component)
    {
        var root = component.Content!;
        var label = MetadataXml.Required(root, "label");
        var permissions = MetadataXml.All(root, "objectPermissions").Select(p =>
        {
            var objectName = MetadataXml.Required(p, "object");
            var definition = context.FindObject(objectName) ??
                throw new MetadataProblemException($"In field: object - no CustomObject named {objectName} found");
            return new Dictionary<string, object?>
            {
                ["SobjectType"] = definition.Name,
                ["PermissionsRead"] = MetadataXml.Flag(p, "allowRead"),
                ["PermissionsCreate"] = MetadataXml.Flag(p, "allowCreate"),
                ["PermissionsEdit"] = MetadataXml.Flag(p, "allowEdit"),
                ["PermissionsDelete"] = MetadataXml.Flag(p, "allowDelete"),
                ["PermissionsViewAllRecords"] = MetadataXml.Flag(p, "viewAllRecords"),
                ["PermissionsModifyAllRecords"] = MetadataXml.Flag(p, "modifyAllRecords"),
            };
        }).ToList();

        var outcome = context.Upsert("PermissionSet", "Name", component.FullName, new Dictionary<string, object?>
        {
            ["Label"] = label,
            ["Description"] = MetadataXml.Value(root, "description"),
        });
        var existing = context.Writer.Lookup("ObjectPermissions", "ParentId", outcome.Id!);
        foreach (var permission in permissions)
        {
            var type = (string)permission["SobjectType"]!;
            var row = existing.FirstOrDefault(r => string.Equals(r.GetString("SobjectType"), type, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                context.Writer.Insert("ObjectPermissions", new Dictionary<string, object?>(permission) { ["ParentId"] = outcome.Id });
            }
            else
            {
                permission.Remove("SobjectType");
                context.Writer.Update(row.Id, permission);
            }
        }

        return outcome;
    }
}

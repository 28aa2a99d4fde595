namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>Queue</c> components → a <c>Group</c> (Type Queue) plus one <c>QueueSobject</c> per <c>queueSobject</c>;
/// <c>queueMembers</c> and <c>queueRoutingConfig</c> are accepted and not modelled.
/// </summary>
internal static class QueueMetadata
{
    public static ComponentOutcome Apply(DeployContext context, MetadataComponent component)
    {
        var root = component.Content!;
        var label = MetadataXml.Required(root, "name");
        var objectTypes = MetadataXml.All(root, "queueSobject").Select(q => MetadataXml.Value(q, "sobjectType") ?? "").ToList();
        foreach (var type in objectTypes)
        {
            if (context.FindObject(type) is null)
            {
                throw new MetadataProblemException($"In field: sobjectType - no CustomObject named {type} found");
            }
        }

        var values = new Dictionary<string, object?>
        {
            ["Name"] = label,
            ["Email"] = MetadataXml.Value(root, "email"),
            ["DoesSendEmailToMembers"] = MetadataXml.Flag(root, "doesSendEmailToMembers"),
        };
        var existing = context.FindBy("Group", "DeveloperName", component.FullName);
        if (existing is not null && existing.GetString("Type") != "Queue")
        {
            throw new MetadataProblemException($"A group named {component.FullName} already exists and is not a queue.");
        }

        if (existing is null)
        {
            values["Type"] = "Queue";
        }

        var outcome = context.Upsert("Group", "DeveloperName", component.FullName, values);
        var current = context.Writer.Lookup("QueueSobject", "QueueId", outcome.Id!);
        foreach (var row in current.Where(r => !objectTypes.Contains(r.GetString("SobjectType")!, StringComparer.OrdinalIgnoreCase)))
        {
            context.Writer.Delete(row.Id);
        }

        foreach (var type in objectTypes.Where(t => !current.Any(r => string.Equals(r.GetString("SobjectType"), t, StringComparison.OrdinalIgnoreCase))))
        {
            context.Writer.Insert("QueueSobject", new Dictionary<string, object?> { ["QueueId"] = outcome.Id, ["SobjectType"] = context.FindObject(type)!.Name });
        }

        return outcome;
    }
}

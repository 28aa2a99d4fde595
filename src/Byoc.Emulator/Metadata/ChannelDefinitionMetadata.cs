namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>ConversationVendorInfo</c> and <c>ConversationChannelDefinition</c> components (interaction-service-api.md §7.2).
/// A channel definition's platform event and its two fields must exist in the org or in the same deploy.
/// </summary>
internal static class ChannelDefinitionMetadata
{
    public static ComponentOutcome ApplyVendor(DeployContext context, MetadataComponent component) =>
        RecordMetadata.Apply(context, component, "ConversationVendorInfo");

    public static ComponentOutcome ApplyDefinition(DeployContext context, MetadataComponent component)
    {
        var root = component.Content!;
        var eventName = MetadataXml.Value(root, "customPlatformEvent");
        if (eventName is not null)
        {
            var platformEvent = context.FindObject(eventName);
            if (platformEvent is null || !platformEvent.IsPlatformEvent)
            {
                throw new MetadataProblemException($"In field: customPlatformEvent - no CustomObject named {eventName} found");
            }

            foreach (var field in new[] { "customEventTypeField", "customEventPayloadField" })
            {
                var fieldName = MetadataXml.Value(root, field);
                var simpleName = fieldName?.Split('.')[^1];
                if (simpleName is null || platformEvent.FindField(simpleName) is null)
                {
                    throw new MetadataProblemException($"In field: {field} - no CustomField named {eventName}.{fieldName} found");
                }
            }
        }

        return RecordMetadata.Apply(context, component, "ConversationChannelDefinition", (name, text) =>
            name == "conversationVendorInfo"
                ? ("ConversationVendorInfoId", RecordMetadata.IdOf(context, name, "ConversationVendorInfo", text))
                : name is "customEventTypeField" or "customEventPayloadField"
                    ? (name == "customEventTypeField" ? "CustomEventTypeField" : "CustomEventPayloadField", text.Split('.')[^1])
                    : null);
    }
}

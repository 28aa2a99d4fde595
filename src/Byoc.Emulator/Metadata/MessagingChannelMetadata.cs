namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>MessagingChannel</c> components → a <c>MessagingChannel</c> record (plus its <c>CustomMsgChannel</c> for a BYOC
/// channel). UNCONFIRMED (interaction-service-api.md §7.3): whether a real org creates a Bring Your Own Channel by
/// Metadata deploy at all, and the element names <c>conversationChannelDefinition</c>, <c>fallbackQueue</c> and
/// <c>isActive</c>. The emulated org accepts it so that the guide's step 4 ("create via Setup") can be scripted; the
/// routing elements map as org-emulation.md §5.1 describes:
/// <c>sessionHandlerType</c> Queue → <c>sessionHandlerQueue</c>; AgentforceServiceAgent → <c>sessionHandlerAsa</c>
/// (BotDefinition developer name) with <c>fallbackQueue</c> (else <c>sessionHandlerQueue</c>) as the fallback queue;
/// Flow → <c>sessionHandlerFlow</c> (FlowDefinition developer name) with the same fallback.
/// </summary>
internal static class MessagingChannelMetadata
{
    public static ComponentOutcome Apply(DeployContext context, MetadataComponent component)
    {
        var root = component.Content!;
        var type = MetadataXml.Required(root, "messagingChannelType");
        var values = new Dictionary<string, object?>
        {
            ["MasterLabel"] = MetadataXml.Required(root, "masterLabel"),
            ["IsActive"] = MetadataXml.Value(root, "isActive") is not { } active || string.Equals(active, "true", StringComparison.OrdinalIgnoreCase),
        };
        if (MetadataXml.Value(root, "consentType") is { } consent)
        {
            values["ConsentType"] = consent;
        }

        var (handler, fallback) = Routing(context, root);
        values["SessionHandlerId"] = handler;
        values["FallbackQueueId"] = fallback;

        var existing = context.FindBy("MessagingChannel", "DeveloperName", component.FullName);
        string? definitionId = null;
        if (MetadataXml.Value(root, "conversationChannelDefinition") is { } definition)
        {
            definitionId = RecordMetadata.IdOf(context, "conversationChannelDefinition", "ConversationChannelDefinition", definition);
            values["ChannelDefinitionId"] = definitionId;
        }
        else if (type == "Custom" && existing is null)
        {
            throw new MetadataProblemException(
                "In field: conversationChannelDefinition - a Bring Your Own Channel (Custom) channel needs a conversation channel definition");
        }

        if (existing is null)
        {
            var address = Guid.NewGuid().ToString();
            values["MessageType"] = type;
            values["PlatformType"] = "Enhanced";
            values["RoutingType"] = "OmniQueue";
            values["MessagingPlatformKey"] = MetadataXml.Value(root, "messagingPlatformKey") ?? address;
            values["ChannelAddressIdentifier"] = address;
            values.TryAdd("ConsentType", "ImplicitOptIn");
        }
        else if (!string.Equals(existing.GetString("MessageType"), type, StringComparison.OrdinalIgnoreCase))
        {
            throw new MetadataProblemException("In field: messagingChannelType - the channel type cannot be changed");
        }

        var outcome = context.Upsert("MessagingChannel", "DeveloperName", component.FullName, values);
        if (definitionId is not null && context.Writer.Lookup("CustomMsgChannel", "MessagingChannelId", outcome.Id!).Count == 0)
        {
            context.Writer.Insert("CustomMsgChannel", new Dictionary<string, object?>
            {
                ["ChannelDefinitionId"] = definitionId,
                ["MessagingChannelId"] = outcome.Id,
            });
        }

        return outcome;
    }

    private static (string? Handler, string? Fallback) Routing(DeployContext context, System.Xml.Linq.XElement root)
    {
        var handlerType = MetadataXml.Value(root, "sessionHandlerType");
        var queue = MetadataXml.Value(root, "sessionHandlerQueue");
        var fallbackName = MetadataXml.Value(root, "fallbackQueue") ?? queue;
        string? QueueId(string field, string? name) => name is null ? null : RecordMetadata.IdOf(context, field, "Group", name);
        return handlerType switch
        {
            null => (null, null),
            "Queue" => (QueueId("sessionHandlerQueue", queue ?? throw Missing("sessionHandlerQueue")), null),
            "AgentforceServiceAgent" => (
                RecordMetadata.IdOf(context, "sessionHandlerAsa", "BotDefinition", MetadataXml.Value(root, "sessionHandlerAsa") ?? throw Missing("sessionHandlerAsa")),
                QueueId("fallbackQueue", fallbackName ?? throw Missing("fallbackQueue"))),
            "Flow" when context.FindObject("FlowDefinition") is not null => (
                RecordMetadata.IdOf(context, "sessionHandlerFlow", "FlowDefinition", MetadataXml.Value(root, "sessionHandlerFlow") ?? throw Missing("sessionHandlerFlow")),
                QueueId("fallbackQueue", fallbackName)),
            _ => throw new MetadataProblemException($"In field: sessionHandlerType - the emulated org does not support '{handlerType}'"),
        };
    }

    private static MetadataProblemException Missing(string field) => new($"Required field is missing: {field}");
}

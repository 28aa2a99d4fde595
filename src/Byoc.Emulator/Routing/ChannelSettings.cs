using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Routing;

/// <summary>Per-channel event switches read from CustomMsgChannel and the channel definition (interaction-service-api.md §6.4).</summary>
internal sealed class ChannelSettings(OrgStore store)
{
    /// <summary>Inbound receipts (Delivered/Read for end-user messages) are on for the channel.</summary>
    public bool InboundAcknowledgements(string messagingChannelId) =>
        CustomChannel(messagingChannelId)?.GetBoolean("EventCapabilitiesIsInboundAcknowledgementEnabled") == true;

    /// <summary>Rep typing indicators go out unless the admin disabled them.</summary>
    public bool TypingIndicators(string messagingChannelId) =>
        CustomChannel(messagingChannelId)?.GetBoolean("EventCapabilitiesIsTypingIndicatorDisabled") != true;

    /// <summary>The channel definition supports RoutingWorkResult events.</summary>
    public bool RoutingWorkResults(string messagingChannelId) =>
        store.Get(messagingChannelId)?.GetString("ChannelDefinitionId") is { } definitionId &&
        store.Get(definitionId)?.GetBoolean("EventCapabilitiesIsRoutingWorkResultSupported") == true;

    private SObjectRecord? CustomChannel(string messagingChannelId) =>
        store.Lookup("CustomMsgChannel", "MessagingChannelId", messagingChannelId) is [var first, ..] ? first : null;
}

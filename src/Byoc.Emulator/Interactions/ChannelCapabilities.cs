using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// Capabilities partners registered with <c>PATCH /api/v1/capabilities</c> (§5.4), per conversation channel definition and so per
/// channel. The agent reads them to decide whether to send structured choices or progress indicators. Kept in memory: partners
/// register at start-up and periodically.
/// </summary>
internal sealed class ChannelCapabilities(OrgStore store) : IChannelCapabilities
{
    private readonly ConcurrentDictionary<string, RegisteredCapabilities> _byDefinition = new(StringComparer.Ordinal);

    public void Register(string channelDefinitionId, JsonObject channelCapability)
    {
        var formats = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var capability in (channelCapability["messageTypeCapabilities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var messageType = capability["messageType"]?.GetValue<string>() ?? string.Empty;
            var set = formats.TryGetValue(messageType, out var existing) ? existing : formats[messageType] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var format in (capability["formatTypeCapabilities"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (format["formatType"]?.GetValue<string>() is { } formatType)
                {
                    set.Add(formatType);
                }
            }
        }

        var progress = channelCapability["progressIndicatorTypeCapabilities"] is JsonArray indicators &&
            indicators.OfType<JsonObject>().Any(i => i["progressIndicatorType"]?.GetValue<string>() == "ProgressUpdateIndicator");
        _byDefinition[channelDefinitionId] = new RegisteredCapabilities(formats, progress, (JsonObject)channelCapability.DeepClone());
    }

    /// <summary>What the channel's partner registered, or null when it registered nothing yet.</summary>
    public RegisteredCapabilities? ForChannel(string messagingChannelId) =>
        store.Get(messagingChannelId)?.GetString("ChannelDefinitionId") is { } definitionId ? _byDefinition.GetValueOrDefault(definitionId) : null;

    public bool SupportsMessage(string channelAddressIdentifier, string messageType, string formatType) =>
        ForAddress(channelAddressIdentifier)?.Supports(messageType, formatType) ?? false;

    public bool SupportsProgressIndicators(string channelAddressIdentifier) => ForAddress(channelAddressIdentifier)?.ProgressIndicators ?? false;

    private RegisteredCapabilities? ForAddress(string channelAddressIdentifier) =>
        store.Lookup("MessagingChannel", "ChannelAddressIdentifier", channelAddressIdentifier) is [var channel, ..] ? ForChannel(channel.Id) : null;

    /// <summary>What one partner registered for its channels.</summary>
    /// <param name="FormatTypes">Format types per message type (e.g. ChoicesMessage → Buttons).</param>
    /// <param name="ProgressIndicators">True when ProgressUpdateIndicator was registered.</param>
    /// <param name="Raw">The channel capability as sent.</param>
    internal sealed record RegisteredCapabilities(
        IReadOnlyDictionary<string, HashSet<string>> FormatTypes, bool ProgressIndicators, JsonObject Raw)
    {
        public bool Supports(string messageType, string formatType) =>
            FormatTypes.TryGetValue(messageType, out var formats) && formats.Contains(formatType);
    }
}

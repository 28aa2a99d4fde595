using System.Text.Json.Nodes;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>Payloads of the outbound platform event as Salesforce publishes them (interaction-service-api.md §6), from the agent.</summary>
internal static class AgentEvents
{
    /// <summary>A text message from the agent to <paramref name="recipient"/>.</summary>
    public static string Text(string identifier, string text, string recipient = "web:u1", string channelAddress = ConnectorHost.ChannelAddress,
        DateTimeOffset? created = null) =>
        Entry(identifier, "Message", new JsonObject
        {
            ["entryType"] = "Message",
            ["id"] = identifier,
            ["abstractMessage"] = new JsonObject
            {
                ["messageType"] = "StaticContentMessage",
                ["id"] = identifier,
                ["staticContent"] = new JsonObject { ["formatType"] = "Text", ["text"] = text },
            },
        }, recipient, channelAddress, created);

    /// <summary>Any entry from the agent; <paramref name="created"/> is its <c>clientTimestamp</c>.</summary>
    public static string Entry(string identifier, string entryType, JsonObject entryPayload, string recipient = "web:u1",
        string channelAddress = ConnectorHost.ChannelAddress, DateTimeOffset? created = null) => new JsonObject
        {
            ["conversationIdentifier"] = "conv-9",
            ["channelAddressIdentifier"] = channelAddress,
            ["recipient"] = new JsonObject { ["appType"] = "custom", ["subject"] = recipient, ["role"] = "EndUser" },
            ["payload"] = new JsonObject
            {
                ["senderDisplayName"] = "Ava",
                ["identifier"] = identifier,
                ["entryType"] = entryType,
                ["entryPayload"] = entryPayload,
                ["sender"] = new JsonObject { ["appType"] = "chatbot", ["subject"] = "0Xx000000000001", ["role"] = "Chatbot" },
                ["clientTimestamp"] = created?.ToUnixTimeMilliseconds() ?? 1690679468868,
            },
        }.ToJsonString();
}

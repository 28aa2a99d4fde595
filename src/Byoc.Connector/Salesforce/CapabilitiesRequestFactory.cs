using System.Text.Json.Nodes;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// The <c>PATCH /capabilities</c> body (interaction-service-api.md §5.4): what the connector's channels can show —
/// text, choices as buttons/quick replies/list pickers, and Agentforce progress indicators.
/// </summary>
internal static class CapabilitiesRequestFactory
{
    public static JsonObject Create(string integrationNamespace, string conversationChannelDefinitionDevName) => new()
    {
        ["capabilities"] = new JsonObject
        {
            ["appType"] = "custom",
            ["channelCapabilities"] = new JsonArray
            {
                new JsonObject
                {
                    ["channelType"] = "custom",
                    ["customIntegration"] = new JsonObject
                    {
                        ["customIntegrationType"] = "CustomChannelIntegration",
                        ["integrationNamespace"] = integrationNamespace,
                        ["conversationChannelDefinitionDevName"] = conversationChannelDefinitionDevName,
                    },
                    ["messageTypeCapabilities"] = new JsonArray
                    {
                        MessageType("StaticContentMessage", "Text"),
                        MessageType("ChoicesMessage", "Buttons", "QuickReplies", "ListPicker"),
                    },
                    ["progressIndicatorTypeCapabilities"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["progressIndicatorType"] = "ProgressUpdateIndicator",
                            ["formatTypeCapabilities"] = new JsonArray { new JsonObject { ["formatType"] = "Text" } },
                        },
                    },
                },
            },
        },
    };

    private static JsonObject MessageType(string messageType, params string[] formatTypes) => new()
    {
        ["messageType"] = messageType,
        ["formatTypeCapabilities"] = new JsonArray(formatTypes.Select(f => (JsonNode)new JsonObject { ["formatType"] = f }).ToArray()),
    };
}

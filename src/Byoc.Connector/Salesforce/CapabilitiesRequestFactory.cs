using System.Text.Json.Nodes;

namespace Byoc.Connector.Salesforce;

/// <summary>
/// The <c>PATCH /capabilities</c> body (interaction-service-api.md §5.4): what the connector's channels can show —
/// text (with citations), files, links and rich links, choices as buttons/quick replies/list pickers/time pickers, and
/// Agentforce progress indicators. Salesforce keeps capabilities per channel definition, not per channel, so this is what
/// every channel renders: web chat and native webhooks natively (web chat shows a time picker's slots as buttons titled
/// with their start), text-only webhooks as readable text (numbered options, links on their own lines), Telegram as
/// messages with inline keyboards (a slot is a button titled with its start; links on their own lines, uploads for files)
/// and progress indicators as "typing…" or text, Twilio as SMS/WhatsApp messages (choices as WhatsApp quick-reply buttons
/// when at most 3 short ones, else numbered text; files as media links; progress as WhatsApp's typing indicator). Forms and web views are not registered, as no channel renders them.
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
                        MessageType("StaticContentMessage", "Text", "Attachments", "Links", "RichLink"),
                        MessageType("ChoicesMessage", "Buttons", "QuickReplies", "ListPicker", "TimePicker"),
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

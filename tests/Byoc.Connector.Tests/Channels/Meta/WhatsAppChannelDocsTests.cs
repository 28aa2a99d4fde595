using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>docs/whatsapp-channel.md names only configuration keys the channel binds, and documents every one of them.</summary>
public sealed class WhatsAppChannelDocsTests() : ChannelDocsTests("whatsapp-channel.md", typeof(WhatsAppEndpointOptions), "whatsapp", "GET", "HttpClient",
    "MessageDefinition", "OrderUpdate", "TextValue");

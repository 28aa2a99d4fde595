using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Tests.Channels.Meta;

/// <summary>docs/messenger-channel.md names only configuration keys the channel binds, and documents every one of them.</summary>
public sealed class MessengerChannelDocsTests() : ChannelDocsTests("messenger-channel.md", typeof(MessengerEndpointOptions), "messenger",
    "GET", "POST", "RESPONSE", "UPDATE", "HttpClient");

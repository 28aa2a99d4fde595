using Byoc.Connector.Channels.Line;

namespace Byoc.Connector.Tests.Channels.Line;

/// <summary>docs/line-channel.md names only configuration keys the channel binds, and documents every one of them.</summary>
public sealed class LineChannelDocsTests() : ChannelDocsTests("line-channel.md", typeof(LineEndpointOptions), "line", "GET", "HttpClient");

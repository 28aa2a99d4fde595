using Byoc.Connector.Channels.Slack;

namespace Byoc.Connector.Tests.Channels.Slack;

/// <summary>docs/slack-channel.md names only configuration keys the channel binds, and documents every one of them.</summary>
public sealed class SlackChannelDocsTests() : ChannelDocsTests("slack-channel.md", typeof(SlackEndpointOptions), "slack", "HttpClient");

namespace Byoc.Connector.Channels.Slack;

/// <summary>The Slack app channels. Section <c>Connector:Slack</c>.</summary>
internal sealed class SlackChannelOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Connector:Slack";

    /// <summary>
    /// Channels by name, one Slack app (bot token) each; each is served at <c>POST /channels/{name}</c> (the Event
    /// Subscriptions Request URL) and <c>POST /channels/{name}/interactive</c> (the Interactivity Request URL).
    /// <value>Default: none.</value>
    /// </summary>
    public Dictionary<string, SlackEndpointOptions> Channels { get; set; } = new(StringComparer.Ordinal);
}

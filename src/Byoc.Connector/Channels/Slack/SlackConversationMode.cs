namespace Byoc.Connector.Channels.Slack;

/// <summary>What one Salesforce conversation is on a Slack channel.</summary>
internal enum SlackConversationMode
{
    /// <summary>One conversation per Slack user per Slack channel (a direct message with the app is one channel); answers go to the channel.</summary>
    PerChannel,

    /// <summary>
    /// One conversation per Slack user per thread in public and private channels (a top-level message starts its thread);
    /// answers go into the thread. Direct messages with the app stay one conversation per user.
    /// </summary>
    PerThread,
}

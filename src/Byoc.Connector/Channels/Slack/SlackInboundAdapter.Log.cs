namespace Byoc.Connector.Channels.Slack;

internal sealed partial class SlackInboundAdapter
{
    private static partial class Log
    {
        [LoggerMessage(1810, LogLevel.Debug, "A request to Slack channel {Channel} was answered and ignored: {Reason}.", EventName = "SlackEventIgnored")]
        public static partial void EventIgnored(ILogger logger, string channel, string reason);

        [LoggerMessage(1811, LogLevel.Debug, "Slack retried a request to {Channel} (retry {RetryNum}, reason {RetryReason}).", EventName = "SlackEventRetried")]
        public static partial void Retried(ILogger logger, string channel, string retryNum, string retryReason);

        [LoggerMessage(1812, LogLevel.Warning,
            "Slack rate-limited the events of channel {Channel} (app_rate_limited, minute {Minute}): events of that minute were not delivered.",
            EventName = "SlackAppRateLimited")]
        public static partial void AppRateLimited(ILogger logger, string channel, string minute);
    }
}

using Grpc.Core;

namespace Byoc.Connector.Salesforce.PubSub;

internal sealed partial class PubSubSubscriber
{
    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Information, "Subscribed to {Topic} with replay preset {ReplayPreset}.", EventName = "PubSubSubscribed")]
        public static partial void Subscribed(ILogger logger, string topic, string replayPreset);

        [LoggerMessage(301, LogLevel.Information, "The Pub/Sub stream for {Topic} ended.", EventName = "PubSubStreamEnded")]
        public static partial void StreamEnded(ILogger logger, string topic);

        [LoggerMessage(302, LogLevel.Warning, "The Pub/Sub stream for {Topic} failed: {StatusCode} {ErrorCode} {Detail}",
            EventName = "PubSubStreamFailed")]
        public static partial void StreamFailed(ILogger logger, string topic, StatusCode statusCode, string? errorCode, string detail);

        [LoggerMessage(303, LogLevel.Warning, "Pub/Sub rejected the stored replay id for {Topic} ({ErrorCode}); resubscribing from EARLIEST.",
            EventName = "PubSubReplayRejected")]
        public static partial void ReplayRejected(ILogger logger, string topic, string? errorCode);

        [LoggerMessage(304, LogLevel.Error, "The Pub/Sub subscriber for {Topic} failed.", EventName = "PubSubSubscriberError")]
        public static partial void SubscriberError(ILogger logger, string topic, Exception exception);

        [LoggerMessage(305, LogLevel.Information, "Reconnecting to {Topic} in {Delay} (failure {Failures}).", EventName = "PubSubReconnecting")]
        public static partial void Reconnecting(ILogger logger, string topic, TimeSpan delay, int failures);

        [LoggerMessage(312, LogLevel.Information, "Resubscribing to {Topic} at once with a renewed token.", EventName = "PubSubResubscribingWithRenewedToken")]
        public static partial void ResubscribingWithRenewedToken(ILogger logger, string topic);

        [LoggerMessage(306, LogLevel.Debug, "Loaded Avro schema {SchemaId}.", EventName = "PubSubSchemaLoaded")]
        public static partial void SchemaLoaded(ILogger logger, string schemaId);

        [LoggerMessage(308, LogLevel.Warning, "The Pub/Sub subscriber is disabled (Connector:Salesforce:PubSub:Enabled = false); no outbound messages will arrive.",
            EventName = "PubSubDisabled")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(307, LogLevel.Warning, "Renewing the token for Pub/Sub failed: {Reason}", EventName = "PubSubTokenRenewalFailed")]
        public static partial void TokenRenewalFailed(ILogger logger, string reason);

        [LoggerMessage(309, LogLevel.Information,
            "Another connector instance leads the Pub/Sub subscription to {Topic}; standing by, trying again every {Interval}.",
            EventName = "PubSubStandingBy")]
        public static partial void StandingBy(ILogger logger, string topic, TimeSpan interval);

        [LoggerMessage(310, LogLevel.Warning, "Lost the leadership of the Pub/Sub subscription to {Topic}; unsubscribed and standing by.",
            EventName = "PubSubLeadershipLost")]
        public static partial void LeadershipLost(ILogger logger, string topic);

        [LoggerMessage(311, LogLevel.Error, "Could not elect the Pub/Sub subscriber for {Topic}; trying again.", EventName = "PubSubLeaderElectionFailed")]
        public static partial void LeaderElectionFailed(ILogger logger, string topic, Exception exception);
    }
}

namespace Byoc.Connector.Salesforce;

internal sealed partial class InteractionServiceClient
{
    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Warning, "{Method} {Path} timed out after {Timeout}.", EventName = "InteractionCallTimedOut")]
        public static partial void CallTimedOut(ILogger logger, string method, string path, TimeSpan timeout);

        [LoggerMessage(201, LogLevel.Warning, "{Method} {Path} failed: {Reason}", EventName = "InteractionCallFailed")]
        public static partial void CallFailed(ILogger logger, string method, string path, string reason);

        [LoggerMessage(202, LogLevel.Warning, "{Method} {Path} answered {StatusCode} with code {ErrorCode} ({Outcome}).",
            EventName = "InteractionCallRejected")]
        public static partial void CallRejected(ILogger logger, string method, string path, int statusCode, int? errorCode, Byoc.Core.Delivery.DeliveryOutcomeKind outcome);
    }
}

namespace Byoc.Connector.Pipeline;

internal abstract partial class QueueWorker
{
    private static partial class Log
    {
        [LoggerMessage(400, LogLevel.Information, "The {Queue} worker started.", EventName = "QueueWorkerStarted")]
        public static partial void WorkerStarted(ILogger logger, string queue);

        [LoggerMessage(401, LogLevel.Information, "The {Queue} worker stopped.", EventName = "QueueWorkerStopped")]
        public static partial void WorkerStopped(ILogger logger, string queue);

        [LoggerMessage(402, LogLevel.Error, "A {Queue} round failed; the worker goes on.", EventName = "QueueRoundFailed")]
        public static partial void RoundFailed(ILogger logger, string queue, Exception exception);

        [LoggerMessage(403, LogLevel.Error, "Processing {Queue} row {Id} threw.", EventName = "QueueItemFailed")]
        public static partial void ItemFailed(ILogger logger, string queue, long id, Exception exception);

        [LoggerMessage(404, LogLevel.Warning, "{Queue} row {Id} failed (attempt {Attempt}); next attempt at {NextAttemptAt}: {Error}",
            EventName = "QueueItemRetrying")]
        public static partial void ItemRetrying(ILogger logger, string queue, long id, int attempt, DateTimeOffset nextAttemptAt, string? error);

        [LoggerMessage(405, LogLevel.Error, "{Queue} row {Id} was dead-lettered ({Reason}): {Error}", EventName = "QueueItemDeadLettered")]
        public static partial void ItemDeadLettered(ILogger logger, string queue, long id, string reason, string? error);
    }
}

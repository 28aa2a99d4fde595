namespace Byoc.Connector.Diagnostics;

internal sealed partial class QueueDepthSampler
{
    private static partial class Log
    {
        [LoggerMessage(900, LogLevel.Warning, "Reading the queue depths for the metrics failed.", EventName = "QueueDepthSampleFailed")]
        public static partial void SampleFailed(ILogger logger, Exception exception);
    }
}

namespace Byoc.Connector.Attachments;

internal sealed partial class AttachmentSweeper
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Deleted {Count} stored attachment files (retention {Retention}).")]
        public static partial void Swept(ILogger logger, int count, TimeSpan retention);

        [LoggerMessage(2, LogLevel.Warning, "Sweeping the attachment folder failed; the next sweep tries again.")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}

namespace Byoc.Connector.Attachments;

internal sealed partial class AttachmentSweeper
{
    private static partial class Log
    {
        [LoggerMessage(800, LogLevel.Information, "Deleted {Count} stored attachment files (retention {Retention}).", EventName = "AttachmentsSwept")]
        public static partial void Swept(ILogger logger, int count, TimeSpan retention);

        [LoggerMessage(801, LogLevel.Warning, "Sweeping the attachment folder failed; the next sweep tries again.", EventName = "AttachmentSweepFailed")]
        public static partial void SweepFailed(ILogger logger, Exception exception);
    }
}

namespace Byoc.Connector.Attachments;

internal sealed partial class SafeDownloader
{
    private static partial class Log
    {
        [LoggerMessage(810, LogLevel.Warning, "Refused to download {Url}: {Reason}.", EventName = "DownloadRefused")]
        public static partial void DownloadRefused(ILogger logger, string url, string reason);

        [LoggerMessage(811, LogLevel.Warning, "Could not download {Url}: {Reason}.", EventName = "DownloadFailed")]
        public static partial void DownloadFailed(ILogger logger, string url, string reason);
    }
}

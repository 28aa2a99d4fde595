namespace Byoc.Connector.Attachments;

internal sealed partial class SafeDownloader
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Refused to download {Url}: {Reason}.")]
        public static partial void DownloadRefused(ILogger logger, string url, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Could not download {Url}: {Reason}.")]
        public static partial void DownloadFailed(ILogger logger, string url, string reason);
    }
}

namespace Byoc.Connector.Attachments;

/// <summary>The outcome of a <see cref="SafeDownloader"/> download.</summary>
/// <param name="File">The stored file, on success.</param>
/// <param name="Error">Why there is no file.</param>
/// <param name="IsRefusal">True when policy refused the file (host, address, size, status 4xx): retrying cannot help.</param>
internal sealed record DownloadResult(StoredFile? File, string? Error, bool IsRefusal)
{
    public static DownloadResult Success(StoredFile file) => new(file, null, false);

    public static DownloadResult Refused(string reason) => new(null, reason, true);

    public static DownloadResult Failed(string reason) => new(null, reason, false);
}

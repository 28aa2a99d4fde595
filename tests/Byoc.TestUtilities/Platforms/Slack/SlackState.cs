using System.Globalization;

namespace Byoc.TestUtilities.Platforms.Slack;

/// <summary>What the fake Slack knows: the users' files, the uploads in flight, and what the application posted.</summary>
internal sealed class SlackState(FakeSlackOptions options)
{
    private long _next;

    public FakeSlackOptions Options { get; } = options;

    public Lock Sync { get; } = new();

    /// <summary>Files by id: the users' files (downloadable at their url_private) and the application's uploads.</summary>
    public Dictionary<string, (string Name, string MimeType, byte[] Content)> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Upload tickets of files.getUploadURLExternal by upload key: the file id, name and declared length, and the bytes once posted.</summary>
    public Dictionary<string, (string FileId, string Name, long Length, byte[]? Content)> Uploads { get; } = new(StringComparer.Ordinal);

    public Uri BaseAddress { get; set; } = new("http://127.0.0.1/");

    /// <summary>A new message ts: the clock's Unix seconds and a sequence number.</summary>
    public string NewTs() =>
        $"{Options.TimeProvider.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{(Interlocked.Increment(ref _next) % 1_000_000).ToString("000000", CultureInfo.InvariantCulture)}";

    /// <summary>A new id with Slack's one-letter prefix (<c>Ev</c> events, <c>F</c> files).</summary>
    public string NewId(string prefix) => prefix + "0" + Interlocked.Increment(ref _next).ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>Where a file is downloaded from: <c>url_private_download</c>.</summary>
    public Uri FileUrl(string fileId, string name) => new(BaseAddress, $"files-pri/{Options.TeamId}-{fileId}/download/{Uri.EscapeDataString(name)}");
}

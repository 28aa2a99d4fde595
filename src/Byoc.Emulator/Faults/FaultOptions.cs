namespace Byoc.Emulator.Faults;

/// <summary>Faults the emulated org injects so that clients' retry, re-mint and reconnect paths get exercised. All off by default.</summary>
internal sealed class FaultOptions
{
    /// <summary>Latency added to every Interaction Service API request.</summary>
    /// <value>The default is zero.</value>
    public TimeSpan Latency { get; set; }

    /// <summary>Fraction (0–1) of Interaction Service API requests answered with a 500, 503 or 429 instead of being processed.</summary>
    /// <value>The default is 0.</value>
    public double ErrorRate { get; set; }

    /// <summary>
    /// Fraction (0–1) of Interaction Service API requests that are processed but answered with a 503, as when the real
    /// answer is lost on the way back or comes after the client gave up: the client's retry must not create a second entry.
    /// </summary>
    /// <value>The default is 0.</value>
    public double LostAnswerRate { get; set; }

    /// <summary>Revoke every issued access token at this interval; null never does.</summary>
    /// <value>The default is null.</value>
    public TimeSpan? RevokeTokensEvery { get; set; }

    /// <summary>Drop each Pub/Sub subscription stream after it delivered this many events; 0 never does.</summary>
    /// <value>The default is 0.</value>
    public int DropStreamEveryEvents { get; set; }

    /// <summary>
    /// When set, every end-user file is stored but its upload result (<c>MessageUpdated</c>) reports an
    /// <c>ErrorAttachmentUploadResult</c> with this <c>errorType</c>, one of <see cref="AttachmentUploadErrorTypes"/>.
    /// </summary>
    /// <value>The default is null (uploads succeed).</value>
    public string? AttachmentUploadError { get; set; }

    /// <summary>The <c>AttachmentUploadErrorType</c> values of the outbound AsyncAPI contract.</summary>
    public static IReadOnlyList<string> AttachmentUploadErrorTypes { get; } =
    [
        "StorageLimitExceeded", "AttachmentTooLarge", "AttachmentNotFound", "AttachmentUploadNotEnabled", "AttachmentUploadNotAllowed",
        "InternalServerError",
    ];

    /// <summary>Seed of the random source that picks failing requests, so test runs are deterministic.</summary>
    /// <value>The default is 1.</value>
    public int RandomSeed { get; set; } = 1;
}

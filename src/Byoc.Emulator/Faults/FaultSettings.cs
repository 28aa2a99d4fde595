namespace Byoc.Emulator.Faults;

/// <summary>Body of <c>POST /emulator/faults</c>: the new fault settings (omitted fields switch that fault off) and one-shot actions.</summary>
/// <param name="LatencyMilliseconds">Latency added to every Interaction Service API request.</param>
/// <param name="ErrorRate">Fraction (0–1) of Interaction Service API requests answered with 500/503/429.</param>
/// <param name="RevokeTokensEverySeconds">Revoke all access tokens at this interval.</param>
/// <param name="DropStreamEveryEvents">Drop Pub/Sub streams after this many delivered events.</param>
/// <param name="RandomSeed">Seed of the failure draw.</param>
/// <param name="RevokeTokensNow">Revoke every access token now.</param>
/// <param name="LostAnswerRate">Fraction (0–1) of Interaction Service API requests processed but answered with 503.</param>
/// <param name="AttachmentUploadError">The <c>errorType</c> every end-user file's upload result reports; null lets uploads succeed.</param>
public sealed record FaultSettings(
    int LatencyMilliseconds = 0,
    double ErrorRate = 0,
    int? RevokeTokensEverySeconds = null,
    int DropStreamEveryEvents = 0,
    int RandomSeed = 1,
    bool RevokeTokensNow = false,
    double LostAnswerRate = 0,
    string? AttachmentUploadError = null)
{
    internal FaultOptions ToOptions() => new()
    {
        Latency = TimeSpan.FromMilliseconds(LatencyMilliseconds),
        ErrorRate = Math.Clamp(ErrorRate, 0, 1),
        RevokeTokensEvery = RevokeTokensEverySeconds is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null,
        DropStreamEveryEvents = Math.Max(0, DropStreamEveryEvents),
        RandomSeed = RandomSeed,
        LostAnswerRate = Math.Clamp(LostAnswerRate, 0, 1),
        AttachmentUploadError = AttachmentUploadError,
    };

    /// <summary>What is wrong with the settings, or null.</summary>
    public string? Problem() => AttachmentUploadError is null || FaultOptions.AttachmentUploadErrorTypes.Contains(AttachmentUploadError)
        ? null
        : $"attachmentUploadError must be one of {string.Join(", ", FaultOptions.AttachmentUploadErrorTypes)} (was '{AttachmentUploadError}').";

    internal static FaultSettings From(FaultOptions options) => new(
        (int)options.Latency.TotalMilliseconds, options.ErrorRate, (int?)options.RevokeTokensEvery?.TotalSeconds,
        options.DropStreamEveryEvents, options.RandomSeed, LostAnswerRate: options.LostAnswerRate,
        AttachmentUploadError: options.AttachmentUploadError);
}

namespace Byoc.Emulator.Metadata;

/// <summary>
/// One asynchronous deploy. It is applied at the first <c>checkDeployStatus</c>, which reports <c>InProgress</c>; later
/// checks report the terminal result (the sf CLI polls every second, org-emulation.md §4.7).
/// </summary>
internal sealed class DeployJob(string id, byte[] zip, DeployOptions options, string userId, string userName, DateTimeOffset createdDate)
{
    public Lock Sync { get; } = new();

    public string Id { get; } = id;

    public byte[]? Zip { get; set; } = zip;

    public DeployOptions Options { get; } = options;

    public string UserId { get; } = userId;

    public string UserName { get; } = userName;

    public DateTimeOffset CreatedDate { get; } = createdDate;

    public DateTimeOffset? StartDate { get; set; }

    public DateTimeOffset? CompletedDate { get; set; }

    public DateTimeOffset LastModifiedDate { get; set; } = createdDate;

    public DeployOutcome? Outcome { get; set; }

    public bool Canceled { get; set; }

    /// <summary>True once a check has reported <c>InProgress</c>; the next check reports the outcome.</summary>
    public bool ReportedInProgress { get; set; }
}

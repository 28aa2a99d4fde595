namespace Byoc.Connector.Pipeline;

/// <summary>What a worker did with one queue row.</summary>
/// <param name="Outcome">Done, retry later, or give up.</param>
/// <param name="Error">Why it failed.</param>
internal readonly record struct ProcessResult(ProcessOutcome Outcome, string? Error = null)
{
    public static ProcessResult Done { get; } = new(ProcessOutcome.Done);

    public static ProcessResult Retry(string error) => new(ProcessOutcome.Retry, error);

    public static ProcessResult Permanent(string error) => new(ProcessOutcome.Permanent, error);
}

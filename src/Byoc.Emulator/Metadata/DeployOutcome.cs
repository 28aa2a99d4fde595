namespace Byoc.Emulator.Metadata;

/// <summary>The terminal state of a deploy: its status, its component messages and, for a bad zip, an error message.</summary>
internal sealed record DeployOutcome(string Status, IReadOnlyList<ComponentResult> Components, string? ErrorMessage = null)
{
    public bool Success => Status is "Succeeded" or "SucceededPartial";

    public int Deployed => Components.Count(c => c.Success);

    public int Errors => Components.Count(c => !c.Success);
}

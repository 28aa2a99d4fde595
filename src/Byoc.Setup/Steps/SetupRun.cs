namespace Byoc.Setup.Steps;

/// <summary>The result of <c>byoc setup</c>: each step's outcome and, when every step is done, the connector configuration.</summary>
public sealed record SetupRun(IReadOnlyList<StepOutcome> Steps, ConnectorConfiguration? Configuration, bool DryRun)
{
    /// <summary>Whether any step changed the org.</summary>
    public bool Changed => Steps.Any(s => s.State == StepState.Change);

    /// <summary>Whether every step is up to date or done.</summary>
    public bool Complete => Steps.All(s => s.State is StepState.UpToDate or StepState.Change);

    /// <summary>The first step that failed or needs the operator, if any.</summary>
    public StepOutcome? Blocker => Steps.FirstOrDefault(s => s.State is StepState.Failed or StepState.ActionRequired);
}

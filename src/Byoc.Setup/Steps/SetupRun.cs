namespace Byoc.Setup.Steps;

/// <summary>The result of <c>byoc setup</c>: each step's outcome and, when every step is done, the connector configuration.</summary>
internal sealed record SetupRun(IReadOnlyList<StepOutcome> Steps, ConnectorConfiguration? Configuration, bool DryRun)
{
    public bool Changed => Steps.Any(s => s.State == StepState.Change);

    public bool Complete => Steps.All(s => s.State is StepState.UpToDate or StepState.Change);

    public StepOutcome? Blocker => Steps.FirstOrDefault(s => s.State is StepState.Failed or StepState.ActionRequired);
}

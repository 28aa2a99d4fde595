namespace Byoc.Setup.Steps;

/// <summary>What happened to one step in a run: its final state, the evidence or change, and the fix when a person must act.</summary>
public sealed record StepOutcome(string Title, StepState State, string Detail, string? Fix, TimeSpan Elapsed);

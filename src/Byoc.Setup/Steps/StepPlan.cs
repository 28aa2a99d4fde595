namespace Byoc.Setup.Steps;

/// <summary>What a step found and what it would do.</summary>
/// <param name="State">Whether anything needs doing.</param>
/// <param name="Detail">The evidence, or the change it would make.</param>
/// <param name="Fix">For <see cref="StepState.ActionRequired"/> and <see cref="StepState.Failed"/>: what the person has to do.</param>
internal sealed record StepPlan(StepState State, string Detail, string? Fix = null)
{
    public static StepPlan Done(string detail) => new(StepState.UpToDate, detail);

    public static StepPlan Change(string detail) => new(StepState.Change, detail);

    public static StepPlan Failed(string detail, string fix) => new(StepState.Failed, detail, fix);

    public static StepPlan Action(string detail, string fix) => new(StepState.ActionRequired, detail, fix);
}

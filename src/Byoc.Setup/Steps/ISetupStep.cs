namespace Byoc.Setup.Steps;

/// <summary>One step of the setup guide: it inspects the org (plan) and, when something is missing, changes it (apply).</summary>
internal interface ISetupStep
{
    /// <summary>The step as the guide names it.</summary>
    string Title { get; }

    /// <summary>Looks at the org without changing it.</summary>
    Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken);

    /// <summary>Makes the change the plan described; the runner plans again afterwards to confirm it took.</summary>
    Task ApplyAsync(SetupContext context, CancellationToken cancellationToken);
}

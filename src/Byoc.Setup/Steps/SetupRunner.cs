using System.Diagnostics;
using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>
/// Runs the guide's steps 1–5 in order. Each step is planned; a step with changes is applied (unless dry-run) and planned
/// again, so a run only reports success when the org really is as it should be; a step that fails or needs a person stops
/// the run, and a rerun resumes there because every step first looks at the org.
/// </summary>
public static class SetupRunner
{
    internal static IReadOnlyList<ISetupStep> Steps { get; } =
        [new PrerequisitesStep(), new MessagingStep(), new ProviderPackageStep(), new ChannelStep(), new QueueStep(), new RoutingStep()];

    /// <summary>Runs the steps in order until one fails or needs a person, reporting each to <paramref name="progress"/> as it ends.</summary>
    public static async Task<SetupRun> RunAsync(SetupContext context, Action<StepOutcome>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<StepOutcome>();
        foreach (var step in Steps)
        {
            var outcome = await RunStepAsync(step, context, cancellationToken);
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
            if (outcome.State is StepState.Failed or StepState.ActionRequired)
            {
                return new SetupRun(outcomes, null, context.Options.DryRun);
            }
        }

        var configuration = context.Options.DryRun && outcomes.Any(o => o.State == StepState.Change)
            ? null
            : await ConnectorConfiguration.ReadAsync(context, cancellationToken);
        return new SetupRun(outcomes, configuration, context.Options.DryRun);
    }

    private static async Task<StepOutcome> RunStepAsync(ISetupStep step, SetupContext context, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var plan = await step.PlanAsync(context, cancellationToken);
            if (plan.State != StepState.Change || context.Options.DryRun)
            {
                return new StepOutcome(step.Title, plan.State, context.Options.DryRun && plan.State == StepState.Change ? "would " + plan.Detail : plan.Detail, plan.Fix, watch.Elapsed);
            }

            await step.ApplyAsync(context, cancellationToken);
            var after = await step.PlanAsync(context, cancellationToken);
            return after.State == StepState.UpToDate
                ? new StepOutcome(step.Title, StepState.Change, $"{plan.Detail}: done. {after.Detail}", null, watch.Elapsed)
                : new StepOutcome(step.Title, StepState.Failed, $"{plan.Detail}: applied, but the org still shows: {after.Detail}",
                    after.Fix ?? "Check the org's setup audit trail and rerun byoc setup.", watch.Elapsed);
        }
        catch (ActionRequiredException ex)
        {
            return new StepOutcome(step.Title, StepState.ActionRequired, ex.Message, ex.Fix, watch.Elapsed);
        }
        catch (Exception ex) when (ex is OrgApiException or DeployFailedException or HttpRequestException or TimeoutException)
        {
            return new StepOutcome(step.Title, StepState.Failed, ex.Message, "Fix the error above and rerun byoc setup.", watch.Elapsed);
        }
    }
}

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 2 (check): Messaging is on, shown by the <c>sfdc_livemessage</c> service channel Salesforce creates when
/// Digital Engagement is enabled. Omni-Channel itself is enabled by the provider package's <c>OmniChannel</c> settings.
/// </summary>
internal sealed class MessagingStep : ISetupStep
{
    public string Title => "2. Messaging: the sfdc_livemessage service channel";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var channels = await context.Org.QueryAsync(
            "SELECT Id, DeveloperName, RelatedEntity FROM ServiceChannel WHERE DeveloperName='sfdc_livemessage' LIMIT 1", cancellationToken: cancellationToken);
        return channels is [var channel]
            ? StepPlan.Done($"ServiceChannel sfdc_livemessage ({channel["Id"]}) routes {channel["RelatedEntity"]}.")
            : StepPlan.Action("No ServiceChannel sfdc_livemessage: Messaging is not enabled.",
                "Setup → Quick Find 'Messaging Settings' → turn Messaging on; then rerun byoc setup.");
    }

    public Task ApplyAsync(SetupContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Messaging is enabled in Setup, not by API.");
}

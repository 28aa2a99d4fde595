using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>The agent exists and has an active version (troubleshooting: "Check the agent is Active (not Draft)").</summary>
internal sealed class AgentActiveCheck : IDoctorCheck
{
    public string Name => "agent-active";

    public string Title => "Agent exists with an active BotVersion";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var agent = context.Options.Agent;
        const string Note = "The guide's step 1 filters BotDefinition.IsActive, which does not exist; active means a BotVersion with Status='Active'.";
        var versions = await context.Org.QueryAsync(
            $"SELECT Id, VersionNumber, BotDefinitionId FROM BotVersion WHERE BotDefinition.DeveloperName={Soql.Quote(agent)} AND Status='Active'",
            cancellationToken: cancellationToken);
        if (versions is [var version, ..])
        {
            return new CheckResult(Name, Title, CheckStatus.Pass, $"{agent}: BotVersion v{version["VersionNumber"]} ({version.Str("Id")}) is Active.", Note: Note);
        }

        var bots = await context.Org.QueryAsync($"SELECT Id FROM BotDefinition WHERE DeveloperName={Soql.Quote(agent)}", cancellationToken: cancellationToken);
        return bots.Count == 0
            ? new CheckResult(Name, Title, CheckStatus.Fail, $"No BotDefinition named {agent}.",
                $"Create the agent in Agent Builder, or pass --agent <DeveloperName>.", Note)
            : new CheckResult(Name, Title, CheckStatus.Fail, $"{agent} exists but no BotVersion has Status='Active'.",
                $"Open {agent} in Agent Builder and click Activate.", Note);
    }
}

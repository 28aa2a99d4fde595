using Byoc.Setup.Org;

namespace Byoc.Setup.Steps;

/// <summary>
/// Guide step 1: the agent exists with an active version, Digital Engagement is provisioned, and the user is an admin.
/// Uses the corrected queries (docs/sf-cli-compatibility.md): BotDefinition has no <c>IsActive</c> (active means a
/// <c>BotVersion</c> with <c>Status='Active'</c>), PackageLicense has no <c>Name</c>.
/// </summary>
internal sealed class PrerequisitesStep : ISetupStep
{
    public string Title => "1. Agent, Digital Engagement licence, admin access";

    public async Task<StepPlan> PlanAsync(SetupContext context, CancellationToken cancellationToken)
    {
        var org = context.Org;
        var agent = context.Options.Agent;
        var bots = await org.QueryAsync($"SELECT Id, DeveloperName FROM BotDefinition WHERE DeveloperName={Soql.Quote(agent)}", cancellationToken: cancellationToken);
        if (bots is not [var bot, ..])
        {
            return StepPlan.Failed($"No BotDefinition named {agent}.", $"Create and activate the agent '{agent}' in Agent Builder, or pass --agent <DeveloperName>.");
        }

        var versions = await org.QueryAsync(
            $"SELECT Id, VersionNumber FROM BotVersion WHERE BotDefinitionId={Soql.Quote(bot.Str("Id")!)} AND Status='Active'", cancellationToken: cancellationToken);
        if (versions.Count == 0)
        {
            return StepPlan.Failed($"{agent} has no BotVersion with Status='Active'.", $"Open {agent} in Agent Builder and click Activate.");
        }

        context.AgentId = bot.Str("Id");
        var licences = await org.QueryAsync(
            "SELECT Id, NamespacePrefix, Status, IsProvisioned FROM PackageLicense WHERE NamespacePrefix='sfdc_livemessage'", cancellationToken: cancellationToken);
        if (licences is not [var licence, ..] || !licence.Bool("IsProvisioned"))
        {
            return StepPlan.Failed("No provisioned PackageLicense for sfdc_livemessage (Digital Engagement).",
                "Ask your Salesforce account executive to provision the Digital Engagement add-on.");
        }

        var me = await org.UserInfoAsync(cancellationToken);
        var userId = me["user_id"]?.GetValue<string>() ?? "";
        var users = await org.QueryAsync($"SELECT Id, Username, Profile.Name FROM User WHERE Id={Soql.Quote(userId)}", cancellationToken: cancellationToken);
        var profile = users is [var user, ..] ? (user["Profile"] as System.Text.Json.Nodes.JsonObject)?.Str("Name") : null;
        if (!string.Equals(profile, "System Administrator", StringComparison.Ordinal))
        {
            return StepPlan.Failed($"{me["preferred_username"]} has profile '{profile ?? "unknown"}'.",
                "Log in as a user with the System Administrator profile.");
        }

        return StepPlan.Done($"{agent} ({bot.Str("Id")}) active v{versions[0]["VersionNumber"]}; Digital Engagement provisioned; {me["preferred_username"]} is System Administrator.");
    }

    public Task ApplyAsync(SetupContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The prerequisites are checked, never changed.");
}

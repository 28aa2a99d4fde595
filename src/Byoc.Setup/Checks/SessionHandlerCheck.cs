using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary><c>SessionHandlerId</c> is set and points at an agent with an active version (troubleshooting: "Agent not responding").</summary>
internal sealed class SessionHandlerCheck : IDoctorCheck
{
    public string Name => "session-handler";

    public string Title => "SessionHandlerId points at an active agent";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var channel = await context.ChannelAsync(cancellationToken);
        const string Fix = "Run byoc setup (it sets SessionHandlerId to the agent's BotDefinition.Id).";
        if (channel is null)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, "No channel to read SessionHandlerId from.", Fix);
        }

        var handler = channel.Str("SessionHandlerId");
        if (handler is null)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"{channel.Str("DeveloperName")}.SessionHandlerId is empty: nothing answers new sessions.", Fix);
        }

        var bots = await context.Org.QueryAsync($"SELECT Id, DeveloperName FROM BotDefinition WHERE Id={Soql.Quote(handler)}", cancellationToken: cancellationToken);
        if (bots is not [var bot, ..])
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"SessionHandlerId {handler} is not a BotDefinition.",
                "Route the channel to the Agentforce Service Agent: byoc setup --agent <DeveloperName>.");
        }

        var active = await context.Org.QueryAsync(
            $"SELECT Id FROM BotVersion WHERE BotDefinitionId={Soql.Quote(handler)} AND Status='Active'", cancellationToken: cancellationToken);
        return active.Count > 0
            ? new CheckResult(Name, Title, CheckStatus.Pass, $"SessionHandlerId {handler} = {bot.Str("DeveloperName")}, which has an active version.")
            : new CheckResult(Name, Title, CheckStatus.Fail, $"SessionHandlerId {handler} = {bot.Str("DeveloperName")}, which has no active BotVersion.",
                $"Open {bot.Str("DeveloperName")} in Agent Builder and click Activate.");
    }
}

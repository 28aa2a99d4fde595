using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>The provider's Conversation Channel Definition exists and maps the platform event and its two fields.</summary>
internal sealed class ChannelDefinitionCheck : IDoctorCheck
{
    public string Name => "channel-definition";

    public string Title => "Conversation Channel Definition maps the event";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var package = context.Package;
        var definitions = await context.Org.QueryAsync(
            "SELECT Id, DeveloperName, CustomPlatformEvent, CustomEventTypeField, CustomEventPayloadField FROM ConversationChannelDefinition " +
            $"WHERE DeveloperName={Soql.Quote(package.ChannelDefinition)}", cancellationToken: cancellationToken);
        if (definitions is not [var definition, ..])
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"No ConversationChannelDefinition {package.ChannelDefinition}.",
                "Deploy the provider package: byoc setup (or sf project deploy start --source-dir force-app in salesforce/).");
        }

        var mapped = (definition.Str("CustomPlatformEvent"), definition.Str("CustomEventTypeField"), definition.Str("CustomEventPayloadField"));
        var evidence = $"{package.ChannelDefinition} → {mapped.Item1} ({mapped.Item2}, {mapped.Item3})";
        return mapped == (package.PlatformEvent, package.EventTypeField, package.PayloadField)
            ? new CheckResult(Name, Title, CheckStatus.Pass, evidence)
            : new CheckResult(Name, Title, CheckStatus.Fail, evidence + $"; expected {package.PlatformEvent} ({package.EventTypeField}, {package.PayloadField})",
                "Redeploy the provider package so the definition maps the event and fields the connector reads.");
    }
}

using Byoc.Setup.Connection;

namespace Byoc.Setup.Checks;

/// <summary>The connector's user can subscribe to the event's Pub/Sub topic (partner docs: outbound entries arrive there).</summary>
internal sealed class PubSubTopicCheck : IDoctorCheck
{
    public string Name => "pubsub-topic";

    public string Title => "Pub/Sub topic subscribable";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var topic = "/event/" + context.Package.PlatformEvent;
        if (context.Options.TopicProbe is not { } probe || context.Options.ConnectorLogin is null)
        {
            return new CheckResult(Name, Title, CheckStatus.Skip, $"No Pub/Sub endpoint or connector login given; {topic} not checked.");
        }

        OrgConnection connection;
        try
        {
            connection = await context.ConnectorLoginAsync(cancellationToken);
        }
        catch (OrgLoginException ex)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, "The connector's login failed: " + ex.Message, "Fix the connector-token check first.");
        }

        var result = await probe.ProbeAsync(connection, topic, cancellationToken);
        return result switch
        {
            { Error: { } error } => new CheckResult(Name, Title, CheckStatus.Fail, $"GetTopic {topic}: {error}",
                $"Deploy the provider package (byoc setup) and grant the connector's user Read on {context.Package.PlatformEvent}."),
            { CanSubscribe: false } => new CheckResult(Name, Title, CheckStatus.Fail, $"GetTopic {topic}: can_subscribe=false.",
                $"Grant the connector's user Read on {context.Package.PlatformEvent}."),
            _ => new CheckResult(Name, Title, CheckStatus.Pass, $"GetTopic {topic}: can_subscribe=true, schema {result.SchemaId}."),
        };
    }
}

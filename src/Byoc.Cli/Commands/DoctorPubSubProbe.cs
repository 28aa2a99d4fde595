using Byoc.Connector.Salesforce.PubSub;
using Byoc.Setup.Checks;
using Byoc.Setup.Connection;

namespace Byoc.Cli.Commands;

/// <summary>The doctor's Pub/Sub check through the connector's own gRPC client: <c>GetTopic</c> with the connector's token.</summary>
internal sealed class DoctorPubSubProbe(Uri endpoint, string? caFile, string orgId, TimeProvider time) : ITopicProbe
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    public async Task<TopicProbeResult> ProbeAsync(OrgConnection connection, string topic, CancellationToken cancellationToken)
    {
        var info = await PubSubTopicLookup.GetTopicAsync(endpoint, caFile, connection.AccessToken, connection.InstanceUrl, orgId, topic,
            DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime + s_deadline, DateTimeKind.Utc), cancellationToken);
        return new TopicProbeResult(info.CanSubscribe, info.SchemaId, info.Error);
    }
}

using Byoc.Setup.Connection;

namespace Byoc.Setup.Checks;

/// <summary>Asks the org's Pub/Sub API about a topic (gRPC <c>GetTopic</c>) as the connector's user would.</summary>
public interface ITopicProbe
{
    /// <summary>Returns evidence (schema id, <c>can_subscribe</c>) or throws with the reason the topic is not subscribable.</summary>
    Task<TopicProbeResult> ProbeAsync(OrgConnection connection, string topic, CancellationToken cancellationToken);
}

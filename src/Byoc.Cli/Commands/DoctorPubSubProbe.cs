using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.PubSub;
using Byoc.Setup.Checks;
using Byoc.Setup.Connection;
using Grpc.Core;
using Grpc.Net.Client;

namespace Byoc.Cli.Commands;

/// <summary>The doctor's Pub/Sub check through the connector's own gRPC client: <c>GetTopic</c> with the connector's token.</summary>
internal sealed class DoctorPubSubProbe(Uri endpoint, string? caFile, string orgId, TimeProvider time) : ITopicProbe
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);

    public async Task<TopicProbeResult> ProbeAsync(OrgConnection connection, string topic, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = PubSubChannelFactory.CreateHandler(new PubSubOptions { Endpoint = endpoint, CaFile = caFile }),
            DisposeHttpClient = true,
        });
        var client = new Connector.Salesforce.PubSub.Protocol.PubSub.PubSubClient(channel);
        var headers = new Metadata
        {
            { "accesstoken", connection.AccessToken },
            { "instanceurl", connection.InstanceUrl.ToString().TrimEnd('/') },
            { "tenantid", orgId },
        };
        try
        {
            var info = await client.GetTopicAsync(new Connector.Salesforce.PubSub.Protocol.TopicRequest { TopicName = topic }, headers,
                DateTime.SpecifyKind(time.GetUtcNow().UtcDateTime + s_deadline, DateTimeKind.Utc), cancellationToken);
            return new TopicProbeResult(info.CanSubscribe, info.SchemaId, null);
        }
        catch (RpcException ex)
        {
            return new TopicProbeResult(false, null, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }
}

using Byoc.Connector.Salesforce.PubSub.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>
/// <c>GetTopic</c> through the connector's own Pub/Sub gRPC client and TLS settings, for checks from outside the connector
/// (<c>byoc doctor</c>): can this token subscribe to the channel's platform event?
/// </summary>
public static class PubSubTopicLookup
{
    /// <summary>Asks the Pub/Sub API at <paramref name="endpoint"/> about <paramref name="topic"/>; a refusal is a result, not an exception.</summary>
    /// <param name="endpoint">The Pub/Sub API's gRPC endpoint.</param>
    /// <param name="caFile">A PEM file of the CA that signs the endpoint's certificate, when it is not publicly trusted.</param>
    /// <param name="accessToken">An access token of the org.</param>
    /// <param name="instanceUrl">The org's instance URL.</param>
    /// <param name="orgId">The org's id (the <c>tenantid</c> header).</param>
    /// <param name="topic">The topic, for example <c>/event/MyChannelEvent__e</c>.</param>
    /// <param name="deadline">When the call gives up (UTC).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public static async Task<PubSubTopicInfo> GetTopicAsync(
        Uri endpoint, string? caFile, string accessToken, Uri instanceUrl, string orgId, string topic, DateTime deadline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceUrl);
        using var channel = GrpcChannel.ForAddress(endpoint, new GrpcChannelOptions
        {
            HttpHandler = PubSubChannelFactory.CreateHandler(new PubSubOptions { Endpoint = endpoint, CaFile = caFile }),
            DisposeHttpClient = true,
        });
        var client = new Protocol.PubSub.PubSubClient(channel);
        var headers = new Metadata
        {
            { "accesstoken", accessToken },
            { "instanceurl", instanceUrl.ToString().TrimEnd('/') },
            { "tenantid", orgId },
        };
        try
        {
            var info = await client.GetTopicAsync(new TopicRequest { TopicName = topic }, headers, deadline, cancellationToken);
            return new PubSubTopicInfo(info.CanSubscribe, info.SchemaId, null);
        }
        catch (RpcException ex)
        {
            return new PubSubTopicInfo(false, null, $"{ex.StatusCode}: {ex.Status.Detail}");
        }
    }
}

/// <summary>What <see cref="PubSubTopicLookup.GetTopicAsync"/> found.</summary>
/// <param name="CanSubscribe">Whether the token's user may subscribe to the topic.</param>
/// <param name="SchemaId">The topic's current Avro schema id, when the topic exists.</param>
/// <param name="Error">The gRPC status and detail of a refusal; null when the API answered.</param>
public sealed record PubSubTopicInfo(bool CanSubscribe, string? SchemaId, string? Error);

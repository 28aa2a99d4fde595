using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Salesforce.PubSub;

/// <summary>
/// Creates the Pub/Sub gRPC client on first use, so reading the options happens after start-up validation (a client
/// registered with AddGrpcClient would read them while the host resolves its services, before the validation report).
/// </summary>
internal sealed class PubSubClientFactory : IDisposable
{
    private readonly Lazy<(GrpcChannel? Channel, Protocol.PubSub.PubSubClient Client)> _client;

    public PubSubClientFactory(IOptions<SalesforceOptions> options) =>
        _client = new(() =>
        {
            var settings = options.Value.PubSub;
            var channel = GrpcChannel.ForAddress(settings.Endpoint!, new GrpcChannelOptions
            {
                HttpHandler = PubSubChannelFactory.CreateHandler(settings),
                DisposeHttpClient = true,
            });
            return (channel, new Protocol.PubSub.PubSubClient(channel));
        });

    /// <summary>Wraps an existing client (tests).</summary>
    internal PubSubClientFactory(Protocol.PubSub.PubSubClient client) => _client = new((null, client));

    public Protocol.PubSub.PubSubClient Client => _client.Value.Client;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Channel?.Dispose();
        }
    }
}

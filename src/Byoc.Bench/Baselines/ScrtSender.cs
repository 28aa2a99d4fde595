using Byoc.Bench.Hosting;
using Byoc.Bench.Workload;
using Byoc.Connector.Salesforce;
using Byoc.Connector.Salesforce.Translation;
using Byoc.Connector.Salesforce.Wire;
using Byoc.Core.Channels;
using Byoc.Core.Delivery;
using Byoc.Emulator.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Byoc.Bench.Baselines;

/// <summary>
/// The ceiling's sender: the load driver calls the emulated Interaction Service API directly (<c>POST /api/v1/interactions</c>
/// with the connector's own client and JWT bearer token provider, no inbox, no connector process). Its replies are booked
/// where the org publishes them (<see cref="ReplyTap"/>), so the ceiling is the org's round trip without the connector.
/// </summary>
internal sealed class ScrtSender : IMessageSender, IDisposable
{
    private const int MessageIdAlreadyUsed = 10073;

    private readonly HttpClient _oauthHttp = new();
    private readonly HttpClient _scrtHttp = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 });
    private readonly JwtBearerTokenProvider _tokens;
    private readonly InteractionServiceClient _client;
    private readonly string _channelAddress;

    public ScrtSender(EmulatorCredentials credentials)
    {
        _channelAddress = credentials.ChannelAddressIdentifier ?? throw new InvalidOperationException("The org has no BYOC channel.");
        var options = Options.Create(new SalesforceOptions
        {
            LoginUrl = new Uri(credentials.LoginUrl),
            ConsumerKey = credentials.ConsumerKey,
            Username = credentials.Username,
            PrivateKeyPath = credentials.PrivateKeyFile,
            OrgId = credentials.OrgId,
            InstanceUrl = new Uri(credentials.InstanceUrl),
            ScrtUrl = new Uri(credentials.ScrtUrl),
            AuthorizationContext = credentials.ChannelDefinitionDeveloperName,
        });
        _tokens = new JwtBearerTokenProvider(_oauthHttp, options, TimeProvider.System, NullLogger<JwtBearerTokenProvider>.Instance);
        _client = new InteractionServiceClient(_scrtHttp, _tokens, options, TimeProvider.System, NullLogger<InteractionServiceClient>.Instance);
    }

    public async Task<DeliveryOutcomeKind> SendAsync(int user, string messageId, string text, CancellationToken cancellationToken)
    {
        var entryId = EntryIds.For(ConnectorConfiguration.WebhookChannel, messageId);
        var request = new InteractionRequest
        {
            To = _channelAddress,
            From = new EndUserIdentifier(ConnectorConfiguration.WebhookChannel, BenchText.PlatformUserId(user)).ToString(),
            Interactions =
            [
                new Interaction
                {
                    Timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
                    InteractionType = "EntryInteraction",
                    Payload = new EntryPayload
                    {
                        Id = entryId,
                        EntryType = "Message",
                        AbstractMessage = new AbstractMessage { MessageType = "StaticContentMessage", Id = entryId, StaticContent = new StaticContent("Text", text) },
                    },
                },
            ],
        };
        var result = await _client.SendInteractionAsync(request, cancellationToken);
        return result switch
        {
            { IsSuccess: true } or { ErrorCode: MessageIdAlreadyUsed } => DeliveryOutcomeKind.Succeeded,
            _ => result.Outcome.Kind,
        };
    }

    public void Dispose()
    {
        _tokens.Dispose();
        _oauthHttp.Dispose();
        _scrtHttp.Dispose();
    }
}

using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Creates the WhatsApp channels from <see cref="WhatsAppChannelOptions"/>: per channel a Graph client, a rate limiter
/// and the end users' window state. The App Secret, verify token and access token are registered with <see cref="UrlSecrets"/>.
/// </summary>
internal sealed class WhatsAppChannelSource(
    IOptions<WhatsAppChannelOptions> options,
    IHttpClientFactory httpClientFactory,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    InboundFileCheck fileCheck,
    UrlSecrets urlSecrets,
    IEndUserStateStore endUserState,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource
{
    /// <summary>The named <see cref="HttpClient"/> of the Graph calls.</summary>
    public const string HttpClientName = "whatsapp";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.AppSecret);
            urlSecrets.Add(settings.VerifyToken);
            urlSecrets.Add(settings.AccessToken);
            var endUsers = new WhatsAppEndUsers(name, endUserState, timeProvider);
            var api = new WhatsAppGraphApi(httpClientFactory.CreateClient(HttpClientName), settings, timeProvider);
            yield return new WhatsAppChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new WhatsAppInboundAdapter(new MetaHubSignature(settings.AppSecret!), settings, endUsers, api, fileCheck,
                    loggerFactory.CreateLogger<WhatsAppInboundAdapter>()),
                new WhatsAppOutboundAdapter(api, settings, endUsers,
                    new SendRateLimiter(settings.PerUserMessagesPerSecond, settings.AccountMessagesPerSecond, timeProvider),
                    new PartProgress(timeProvider), pendingChoices, fetcher, files, timeProvider),
                settings);
        }
    }
}

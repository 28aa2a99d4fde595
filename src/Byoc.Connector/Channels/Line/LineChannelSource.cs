using System.Security.Cryptography;
using System.Text;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Line;

/// <summary>
/// Creates the LINE channels from <see cref="LineChannelOptions"/>: per channel an API client, a rate limiter, the end
/// users' state and, with a public base URL, the file links. The channel secret and access token are registered with
/// <see cref="UrlSecrets"/>.
/// </summary>
internal sealed class LineChannelSource(
    IOptions<LineChannelOptions> options,
    IOptions<ChannelDoorOptions> door,
    IHttpClientFactory httpClientFactory,
    PendingChoices pendingChoices,
    IChatLogStore chatLog,
    OutboundFileFetcher fetcher,
    InboundFileCheck fileCheck,
    UrlSecrets urlSecrets,
    IEndUserStateStore endUserState,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource
{
    /// <summary>The named <see cref="HttpClient"/> of the Messaging API calls.</summary>
    public const string HttpClientName = "line";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.ChannelSecret);
            urlSecrets.Add(settings.ChannelAccessToken);
            var endUsers = new LineEndUsers(name, endUserState, timeProvider);
            // The quick replies' taps map back like Telegram's inline keyboards: entry key and option index in the durable log.
            var keyboards = new TelegramKeyboards(chatLog);
            var api = new LineApi(httpClientFactory.CreateClient(HttpClientName), settings, timeProvider);
            var publicBase = settings.PublicBaseUrl ?? door.Value.PublicBaseUrl;
            // The links' key is derived from the channel secret, so it is as secret as the secret and changes with it.
            var links = publicBase is null ? null : new FileLinks(name,
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.ChannelSecret!), "byoc-line-file-links"u8), publicBase, settings.FileLinkLifetime, "channels");
            yield return new LineChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new LineInboundAdapter(new LineSignature(settings.ChannelSecret!), settings, endUsers, api, keyboards, fileCheck,
                    loggerFactory.CreateLogger<LineInboundAdapter>()),
                new LineOutboundAdapter(name, api, settings, links, endUsers,
                    new SendRateLimiter(settings.PerUserMessagesPerSecond, settings.AccountMessagesPerSecond, timeProvider),
                    new PartProgress(timeProvider), pendingChoices, keyboards, fetcher, timeProvider),
                settings.PublicBaseUrl,
                settings,
                links);
        }
    }
}

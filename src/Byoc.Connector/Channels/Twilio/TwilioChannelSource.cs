using System.Security.Cryptography;
using System.Text;
using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Creates the Twilio channels from <see cref="TwilioChannelOptions"/>: per channel a REST client, a rate limiter and the
/// end users' window and opt-out state. The Auth Token and API key secret are registered with <see cref="UrlSecrets"/>.
/// </summary>
internal sealed class TwilioChannelSource(
    IOptions<TwilioChannelOptions> options,
    IOptions<ChannelDoorOptions> door,
    IHttpClientFactory httpClientFactory,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    UrlSecrets urlSecrets,
    IEndUserStateStore endUserState,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource
{
    /// <summary>The named <see cref="HttpClient"/> of the REST calls.</summary>
    public const string HttpClientName = "twilio";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.AuthToken);
            urlSecrets.Add(settings.ApiKeySecret);
            var endUsers = new TwilioEndUsers(name, endUserState, timeProvider);
            var api = new TwilioApi(httpClientFactory.CreateClient(HttpClientName), settings, timeProvider);
            // Without a configured base URL (trusted proxies only) there is no URL to give Twilio for status callbacks.
            var publicBase = settings.PublicBaseUrl ?? door.Value.PublicBaseUrl;
            // The links' key is derived from the Auth Token, so it is as secret as the token and changes with it.
            var links = publicBase is null ? null : new FileLinks(name,
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.AuthToken!), "byoc-twilio-file-links"u8), publicBase, settings.FileLinkLifetime, "channels");
            yield return new TwilioChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new TwilioInboundAdapter(new TwilioRequestSignature(settings.AuthToken!), settings, endUsers, timeProvider,
                    loggerFactory.CreateLogger<TwilioInboundAdapter>()),
                new TwilioOutboundAdapter(name, api, settings, publicBase, links, endUsers, new TwilioQuickReplies(name, api, endUserState),
                    new SendRateLimiter(settings.PerNumberMessagesPerSecond, settings.AccountMessagesPerSecond, timeProvider),
                    new PartProgress(timeProvider), pendingChoices, fetcher, timeProvider),
                settings.PublicBaseUrl,
                settings,
                links);
        }
    }
}

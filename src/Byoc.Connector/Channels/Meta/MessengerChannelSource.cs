using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>
/// Creates the Messenger channels from <see cref="MessengerChannelOptions"/>: per channel a Send API client, a rate
/// limiter and the end users' state. The App Secret, verify token and Page access token are registered with <see cref="UrlSecrets"/>.
/// </summary>
internal sealed class MessengerChannelSource(
    IOptions<MessengerChannelOptions> options,
    IHttpClientFactory httpClientFactory,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    UrlSecrets urlSecrets,
    IEndUserStateStore endUserState,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource
{
    /// <summary>The named <see cref="HttpClient"/> of the Graph calls.</summary>
    public const string HttpClientName = "messenger";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.AppSecret);
            urlSecrets.Add(settings.VerifyToken);
            urlSecrets.Add(settings.PageAccessToken);
            // Entries stay tracked for watermarks as long as a tagged message may still go, and a day more.
            var endUsers = new MessengerEndUsers(name, endUserState, timeProvider, settings.HumanAgentWindow + TimeSpan.FromDays(1));
            var api = new MessengerGraphApi(httpClientFactory.CreateClient(HttpClientName), settings, timeProvider);
            yield return new MessengerChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new MessengerInboundAdapter(new MetaHubSignature(settings.AppSecret!), settings, endUsers,
                    loggerFactory.CreateLogger<MessengerInboundAdapter>()),
                new MessengerOutboundAdapter(api, settings, endUsers,
                    new SendRateLimiter(settings.PerUserMessagesPerSecond, settings.AccountMessagesPerSecond, timeProvider),
                    new PartProgress(timeProvider), pendingChoices, fetcher, files, timeProvider),
                settings);
        }
    }
}

using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Slack;

/// <summary>
/// Creates the Slack channels from <see cref="SlackChannelOptions"/>: per app a Web API client and a rate limiter. The
/// bot token and the signing secret are registered with <see cref="UrlSecrets"/>.
/// </summary>
internal sealed class SlackChannelSource(
    IOptions<SlackChannelOptions> options,
    IHttpClientFactory httpClientFactory,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    InboundFileCheck fileCheck,
    UrlSecrets urlSecrets,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource
{
    /// <summary>The named <see cref="HttpClient"/> of the Web API calls.</summary>
    public const string HttpClientName = "slack";

    public IEnumerable<IChannel> CreateChannels()
    {
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.BotToken);
            urlSecrets.Add(settings.SigningSecret);
            var api = new SlackWebApi(httpClientFactory.CreateClient(HttpClientName), settings, timeProvider);
            yield return new SlackChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new SlackInboundAdapter(new SlackSignature(settings.SigningSecret!, settings.SignatureTolerance, timeProvider), settings,
                    api.Authorization, fileCheck, timeProvider, loggerFactory.CreateLogger<SlackInboundAdapter>()),
                new SlackOutboundAdapter(api, settings,
                    new SendRateLimiter(settings.PerChannelMessagesPerSecond, settings.WorkspaceMessagesPerSecond, timeProvider),
                    new PartProgress(timeProvider), pendingChoices, fetcher, files, timeProvider),
                settings.PublicBaseUrl,
                settings);
        }
    }
}

using Byoc.Connector.Attachments;
using Byoc.Connector.Channels.Sending;
using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Byoc.Core.Storage;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>
/// Creates the Telegram channels from <see cref="TelegramChannelOptions"/>: per bot a Bot API client, a rate limiter and
/// a typing refresher (stopped when the connector stops). Each bot token is registered with <see cref="UrlSecrets"/> so
/// that no log or trace shows it.
/// </summary>
internal sealed class TelegramChannelSource(
    IOptions<TelegramChannelOptions> options,
    IHttpClientFactory httpClientFactory,
    IChatLogStore chatLog,
    PendingChoices pendingChoices,
    OutboundFileFetcher fetcher,
    AttachmentFiles files,
    InboundFileCheck fileCheck,
    UrlSecrets urlSecrets,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IChannelSource, IAsyncDisposable
{
    /// <summary>The named <see cref="HttpClient"/> of the Bot API calls.</summary>
    public const string HttpClientName = "telegram";

    private readonly List<TelegramTyping> _typing = [];

    public IEnumerable<IChannel> CreateChannels()
    {
        var keyboards = new TelegramKeyboards(chatLog);
        foreach (var (name, settings) in options.Value.Channels)
        {
            urlSecrets.Add(settings.BotToken);
            var client = TelegramBot.CreateClient(settings.BotToken!, settings.ApiBaseUrl, httpClientFactory.CreateClient(HttpClientName));
            var bot = new TelegramBot(client, name, settings.RequestTimeout, timeProvider, loggerFactory.CreateLogger<TelegramBot>());
            var typing = new TelegramTyping(settings.TypingRefreshInterval, settings.TypingMaxDuration, timeProvider);
            lock (_typing)
            {
                _typing.Add(typing);
            }

            yield return new TelegramChannel(
                name,
                settings.ChannelAddressIdentifier!,
                new TelegramInboundAdapter(new TelegramUpdateParser(settings.SecretToken!, settings.AllowGroups), bot, keyboards, fileCheck, settings,
                    timeProvider,
                    loggerFactory.CreateLogger<TelegramInboundAdapter>()),
                new TelegramOutboundAdapter(bot, settings,
                    new SendRateLimiter(settings.PerChatMessagesPerSecond, settings.GlobalMessagesPerSecond, timeProvider),
                    typing, new PartProgress(timeProvider), keyboards, pendingChoices, fetcher, files, timeProvider),
                settings.PublicBaseUrl,
                settings,
                bot);
        }
    }

    public async ValueTask DisposeAsync()
    {
        TelegramTyping[] typing;
        lock (_typing)
        {
            typing = [.. _typing];
        }

        foreach (var refresher in typing)
        {
            await refresher.DisposeAsync();
        }
    }
}

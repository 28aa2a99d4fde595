using System.Text;
using Byoc.Connector.Pipeline;
using Byoc.Core.Channels;
using Byoc.TestUtilities.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Channels.Telegram;

/// <summary>The connector with one Telegram channel (<c>tg</c>) on loopback Kestrel, its webhook set on a <see cref="FakeTelegram"/>.</summary>
internal sealed class TelegramTestHost : IAsyncDisposable
{
    public const string Channel = "tg";
    public const string SecretToken = "Secret_Token-for-tests";

    private TelegramTestHost(ConnectorHost host, FakeTelegram telegram)
    {
        Host = host;
        Telegram = telegram;
    }

    public ConnectorHost Host { get; }

    public FakeTelegram Telegram { get; }

    public Uri WebhookUrl => new(Host.Connector.BaseAddress, "/channels/" + Channel);

    public IChannel ChannelInstance => Host.Services.GetRequiredService<ChannelRegistry>().Find(Channel)!;

    public static async Task<TelegramTestHost> StartAsync(CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null,
        FakeTelegramOptions? telegramOptions = null, params string[] extraArgs)
    {
        telegramOptions ??= new FakeTelegramOptions();
        telegramOptions.AllowInsecureLoopbackWebhooks = true;
        var telegram = await FakeTelegram.StartAsync(telegramOptions, cancellationToken);
        var key = $"--Connector:Telegram:Channels:{Channel}";
        string[] args =
        [
            $"{key}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"{key}:BotToken={telegram.Token}",
            $"{key}:SecretToken={SecretToken}",
            $"{key}:ApiBaseUrl={telegram.BaseAddress}",
            $"{key}:MaxBodyBytes=4096",
            $"{key}:PerChatMessagesPerSecond=50",
            .. extraArgs,
        ];
        var host = await ConnectorHost.StartAsync(configure, null, cancellationToken, args);
        var test = new TelegramTestHost(host, telegram);
        await telegram.SetWebhookAsync(test.WebhookUrl, SecretToken, cancellationToken);
        return test;
    }

    /// <summary>A request as Telegram sends it: POST JSON with the secret-token header (or another, or none).</summary>
    public static HttpRequestMessage Update(string json, string? secret = SecretToken, string channel = Channel, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/channels/" + channel, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, contentType),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Host.DisposeAsync();
    }
}

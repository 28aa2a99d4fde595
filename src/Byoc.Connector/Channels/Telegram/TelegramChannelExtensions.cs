using Byoc.Connector.Diagnostics;
using Byoc.Core.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>Registers the Telegram bot channels and their start-up webhook registration.</summary>
internal static class TelegramChannelExtensions
{
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UrlSecrets>();
        services.AddOptions<TelegramChannelOptions>().BindConfiguration(TelegramChannelOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramChannelOptions>, TelegramChannelOptionsValidator>();
        // The Telegram.Bot client, pointed at the configured Bot API server: the issue asks for the platform's well-kept
        // library where its base URL can be configured, and TelegramBotClientOptions takes one. No resilience handler:
        // a retried sendMessage could show a message twice, so the outbox retries instead, no sooner than Telegram's
        // retry_after. The factory's request log is replaced, as it would write the bot token (it is in every URL path).
        services.AddHttpClient(TelegramChannelSource.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).AddRedactedLogging();
        services.AddSingleton<TelegramChannelSource>();
        services.AddSingleton<IChannelSource>(sp => sp.GetRequiredService<TelegramChannelSource>());
        services.AddHostedService<TelegramWebhookRegistrar>();
        return builder;
    }
}

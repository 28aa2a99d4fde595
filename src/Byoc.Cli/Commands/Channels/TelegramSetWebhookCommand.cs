using System.CommandLine;
using Byoc.Connector.Channels.Telegram;
using Byoc.Connector.Diagnostics.Platforms;

namespace Byoc.Cli.Commands.Channels;

/// <summary>
/// <c>byoc channels telegram set-webhook</c>: points a bot's webhook at the connector's front door,
/// <c>{public base URL}/channels/{channel}</c>, with the channel's secret token (setWebhook; running it again changes
/// nothing). The bot token, secret token and URLs come from the connector's configuration file and environment, or flags.
/// </summary>
internal static class TelegramSetWebhookCommand
{
    private const string ExitCodeHelp = "Exit codes: 0 set; 1 Telegram refused it (a wrong token, a URL it cannot use); 2 missing or invalid settings; 3 the Bot API could not be reached";

    public static Command Create()
    {
        var channel = new Option<string>("--channel") { Description = "The Telegram channel's name (Connector:Telegram:Channels:{name}).", DefaultValueFactory = _ => "telegram" };
        var config = new Option<string?>("--config") { Description = "The connector's JSON configuration file (environment variables apply over it, as for the connector)." };
        var token = new Option<string?>("--bot-token") { Description = "The bot token (instead of the configuration's BotToken)." };
        var secret = new Option<string?>("--secret-token") { Description = "The webhook's secret token (instead of the configuration's SecretToken)." };
        var publicUrl = SetupConsole.UrlOption("--public-url", "The connector's public HTTPS base URL (instead of PublicBaseUrl).");
        var apiBase = SetupConsole.UrlOption("--api-base-url", "The Bot API server (instead of ApiBaseUrl; default https://api.telegram.org).");
        var command = new Command("set-webhook",
            "Set a bot's webhook to the connector's /channels/{channel} with the channel's secret token; safe to run again. " + ExitCodeHelp + ".")
        {
            channel, config, token, secret, publicUrl, apiBase,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var name = parseResult.GetValue(channel)!;
            TelegramEndpointOptions settings;
            Uri? baseUrl;
            try
            {
                var read = TelegramSettings.Read(parseResult.GetValue(config));
                settings = read.Channels.GetValueOrDefault(name) ?? new TelegramEndpointOptions();
                settings.BotToken = parseResult.GetValue(token) ?? settings.BotToken;
                settings.SecretToken = parseResult.GetValue(secret) ?? settings.SecretToken;
                settings.ApiBaseUrl = parseResult.GetValue(apiBase) ?? settings.ApiBaseUrl;
                baseUrl = parseResult.GetValue(publicUrl) ?? settings.PublicBaseUrl ?? read.PublicBaseUrl;
            }
            catch (ArgumentException ex)
            {
                return await SetupConsole.FailAsync(error, "channels telegram set-webhook", ex);
            }

            if (TelegramWebhookSetup.Problems(name, settings, baseUrl) is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await error.WriteLineAsync($"byoc channels telegram set-webhook: {problem}");
                }

                return ExitCodes.InvalidUsage;
            }

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            var set = await TelegramWebhookSetup.SetAsync(name, settings, baseUrl!, http, cancellationToken);
            if (set.Error is { } failure)
            {
                await error.WriteLineAsync($"byoc channels telegram set-webhook: {failure}");
                return set.Refused ? ExitCodes.Failure : ExitCodes.NotAvailable;
            }

            await output.WriteLineAsync($"The webhook of @{set.BotUsername} is {set.Url} (secret token set; updates: message, callback_query).");
            if (set.PendingUpdates > 0)
            {
                await output.WriteLineAsync($"Telegram holds {set.PendingUpdates} update(s) for it; they are delivered now.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}

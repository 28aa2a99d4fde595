using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Telegram;

/// <summary>Checks every Telegram channel and names each wrong key. The bot token and the secret token are never echoed.</summary>
internal sealed class TelegramChannelOptionsValidator(IOptions<ChannelDoorOptions> door) : IValidateOptions<TelegramChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{TelegramChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: {ChannelNames.Rule}.");
            }

            if (string.IsNullOrWhiteSpace(settings.ChannelAddressIdentifier))
            {
                errors.Add($"{key}:ChannelAddressIdentifier is required.");
            }

            if (string.IsNullOrEmpty(settings.BotToken))
            {
                errors.Add($"{key}:BotToken is required (the token @BotFather gave for the bot).");
            }
            else if (!TelegramSecrets.IsValidBotToken(settings.BotToken))
            {
                errors.Add($"{key}:BotToken must look like '<bot id digits>:<secret>', as @BotFather gives it.");
            }

            if (string.IsNullOrEmpty(settings.SecretToken))
            {
                errors.Add($"{key}:SecretToken is required (1-256 of A-Z, a-z, 0-9, '_' and '-'; Telegram sends it back on every update).");
            }
            else if (!TelegramSecrets.IsValidSecretToken(settings.SecretToken))
            {
                errors.Add($"{key}:SecretToken must be 1-256 of A-Z, a-z, 0-9, '_' and '-'.");
            }

            if (!IsOrigin(settings.ApiBaseUrl))
            {
                errors.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.ApiBaseUrl}').");
            }

            if (settings.PublicBaseUrl is { } publicBase && !ChannelDoorOptionsValidator.IsBaseUrl(publicBase))
            {
                errors.Add($"{key}:PublicBaseUrl must be an absolute http or https URL without a query or fragment (got '{publicBase}').");
            }

            if (settings.RegisterWebhook && settings.PublicBaseUrl is null && door.Value.PublicBaseUrl is null)
            {
                errors.Add($"{key}:RegisterWebhook needs {key}:PublicBaseUrl or {ChannelDoorOptions.Section}:PublicBaseUrl (the webhook URL Telegram calls).");
            }

            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerChatMessagesPerSecond > 0 && double.IsFinite(settings.PerChatMessagesPerSecond), $"{key}:PerChatMessagesPerSecond");
            Positive(errors, settings.GlobalMessagesPerSecond > 0 && double.IsFinite(settings.GlobalMessagesPerSecond), $"{key}:GlobalMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            Positive(errors, settings.TypingRefreshInterval > TimeSpan.Zero, $"{key}:TypingRefreshInterval");
            Positive(errors, settings.TypingMaxDuration > TimeSpan.Zero, $"{key}:TypingMaxDuration");
            if (settings.MaxButtons is < 0 or > TelegramKeyboards.MaxButtons)
            {
                errors.Add($"{key}:MaxButtons must be between 0 (always numbered text) and {TelegramKeyboards.MaxButtons}.");
            }

            if (!Enum.IsDefined(settings.ProgressIndicators))
            {
                errors.Add($"{key}:ProgressIndicators must be Typing or Text.");
            }

            if (string.IsNullOrWhiteSpace(settings.ParticipantJoinedText) || string.IsNullOrWhiteSpace(settings.ParticipantLeftText))
            {
                errors.Add($"{key}:ParticipantJoinedText and ParticipantLeftText must not be empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Whether <paramref name="url"/> is a scheme, host and port only, as the Bot API client takes it.</summary>
    public static bool IsOrigin(Uri? url) =>
        url is { IsAbsoluteUri: true } && url.Scheme is "http" or "https" && url.AbsolutePath == "/"
        && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) && string.IsNullOrEmpty(url.UserInfo);

    private static void Positive(List<string> errors, bool valid, string key, string rule = "must be positive")
    {
        if (!valid)
        {
            errors.Add($"{key} {rule}.");
        }
    }
}

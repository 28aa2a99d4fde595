using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Line;

/// <summary>Checks every LINE channel and names each wrong key. Secrets are never echoed.</summary>
internal sealed class LineChannelOptionsValidator : IValidateOptions<LineChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, LineChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{LineChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: {ChannelNames.Rule}.");
            }

            Required(errors, settings.ChannelAddressIdentifier, $"{key}:ChannelAddressIdentifier", "the Salesforce channel address");
            Required(errors, settings.ChannelSecret, $"{key}:ChannelSecret", "it signs LINE's webhooks; LINE Developers console > the channel > Basic settings > Channel secret");
            Required(errors, settings.ChannelAccessToken, $"{key}:ChannelAccessToken",
                "a long-lived channel access token; LINE Developers console > the channel > Messaging API > Channel access token");
            if (!TelegramChannelOptionsValidator.IsOrigin(settings.ApiBaseUrl))
            {
                errors.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.ApiBaseUrl}').");
            }

            if (!TelegramChannelOptionsValidator.IsOrigin(settings.DataBaseUrl))
            {
                errors.Add($"{key}:DataBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.DataBaseUrl}').");
            }

            if (settings.PublicBaseUrl is { } publicBase && (!publicBase.IsAbsoluteUri || publicBase.Scheme is not ("http" or "https")))
            {
                errors.Add($"{key}:PublicBaseUrl must be an absolute http(s) URL (got '{publicBase}').");
            }

            if (settings.LoadingSeconds is < 5 or > 60 || settings.LoadingSeconds % 5 != 0)
            {
                errors.Add($"{key}:LoadingSeconds must be 5 to 60 and a multiple of 5, as LINE takes it (got {settings.LoadingSeconds}).");
            }

            if (settings.MaxQuickReplies is < 0 or > LineMessages.MaxQuickReplies)
            {
                errors.Add($"{key}:MaxQuickReplies must be between 0 (always numbered text) and {LineMessages.MaxQuickReplies}.");
            }

            Positive(errors, settings.ReplyTokenMaxAge >= TimeSpan.Zero && settings.ReplyTokenMaxAge <= TimeSpan.FromMinutes(1), $"{key}:ReplyTokenMaxAge",
                "must be between 0 (always push) and 1 minute, how long LINE guarantees a reply token");
            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerUserMessagesPerSecond > 0 && double.IsFinite(settings.PerUserMessagesPerSecond), $"{key}:PerUserMessagesPerSecond");
            Positive(errors, settings.AccountMessagesPerSecond > 0 && double.IsFinite(settings.AccountMessagesPerSecond), $"{key}:AccountMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            Positive(errors, settings.FileLinkLifetime > TimeSpan.Zero, $"{key}:FileLinkLifetime");
            if (string.IsNullOrWhiteSpace(settings.ParticipantJoinedText) || string.IsNullOrWhiteSpace(settings.ParticipantLeftText))
            {
                errors.Add($"{key}:ParticipantJoinedText and ParticipantLeftText must not be empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Required(List<string> errors, string? value, string key, string hint)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required ({hint}).");
        }
    }

    private static void Positive(List<string> errors, bool valid, string key, string rule = "must be positive")
    {
        if (!valid)
        {
            errors.Add($"{key} {rule}.");
        }
    }
}

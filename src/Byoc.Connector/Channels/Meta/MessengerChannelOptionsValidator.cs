using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>Checks every Messenger channel and names each wrong key. Secrets are never echoed.</summary>
internal sealed class MessengerChannelOptionsValidator : IValidateOptions<MessengerChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, MessengerChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{MessengerChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: {ChannelNames.Rule}.");
            }

            Required(errors, settings.ChannelAddressIdentifier, $"{key}:ChannelAddressIdentifier", "the Salesforce channel address");
            Required(errors, settings.AppSecret, $"{key}:AppSecret", "it signs Meta's webhooks; App settings > Basic > App secret");
            Required(errors, settings.VerifyToken, $"{key}:VerifyToken", "a string of your choice, pasted into the app's webhook settings");
            Required(errors, settings.PageAccessToken, $"{key}:PageAccessToken", "the Page's access token with pages_messaging");
            if (settings.PageId is not { Length: > 0 } page || !page.All(char.IsAsciiDigit))
            {
                errors.Add($"{key}:PageId is required: the digits of the Facebook Page's id (Page > About > Page transparency, or GET /me with the Page token) (got '{settings.PageId}').");
            }

            if (settings.GraphApiVersion is not ['v', .. var version] || !Version.TryParse(version, out _))
            {
                errors.Add($"{key}:GraphApiVersion must look like v23.0 (got '{settings.GraphApiVersion}').");
            }

            if (!TelegramChannelOptionsValidator.IsOrigin(settings.GraphBaseUrl))
            {
                errors.Add($"{key}:GraphBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.GraphBaseUrl}').");
            }

            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerUserMessagesPerSecond > 0 && double.IsFinite(settings.PerUserMessagesPerSecond), $"{key}:PerUserMessagesPerSecond");
            Positive(errors, settings.AccountMessagesPerSecond > 0 && double.IsFinite(settings.AccountMessagesPerSecond), $"{key}:AccountMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            Positive(errors, settings.StandardMessagingWindow > TimeSpan.Zero, $"{key}:StandardMessagingWindow");
            Positive(errors, settings.HumanAgentWindow >= settings.StandardMessagingWindow, $"{key}:HumanAgentWindow",
                "must not be shorter than StandardMessagingWindow");
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

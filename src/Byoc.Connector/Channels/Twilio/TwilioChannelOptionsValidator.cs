using System.Buffers;
using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>Checks every Twilio channel and names each wrong key. The Auth Token and the API key secret are never echoed.</summary>
internal sealed class TwilioChannelOptionsValidator(IOptions<ChannelDoorOptions> door) : IValidateOptions<TwilioChannelOptions>
{
    private static readonly SearchValues<char> s_hex = SearchValues.Create("0123456789abcdefABCDEF");

    public ValidateOptionsResult Validate(string? name, TwilioChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{TwilioChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: {ChannelNames.Rule}.");
            }

            if (string.IsNullOrWhiteSpace(settings.ChannelAddressIdentifier))
            {
                errors.Add($"{key}:ChannelAddressIdentifier is required.");
            }

            if (!Enum.IsDefined(settings.Kind))
            {
                errors.Add($"{key}:Kind must be Sms or WhatsApp.");
            }

            Sid(errors, settings.AccountSid, "AC", $"{key}:AccountSid", required: true);
            if (string.IsNullOrEmpty(settings.AuthToken))
            {
                errors.Add($"{key}:AuthToken is required (it signs Twilio's webhooks; the console shows it under Account Info).");
            }

            Sid(errors, settings.ApiKeySid, "SK", $"{key}:ApiKeySid", required: false);
            if (settings.ApiKeySid is not null && string.IsNullOrEmpty(settings.ApiKeySecret))
            {
                errors.Add($"{key}:ApiKeySecret is required with {key}:ApiKeySid.");
            }

            if (settings.From is null && settings.MessagingServiceSid is null)
            {
                errors.Add($"{key}:From or {key}:MessagingServiceSid is required (the sender).");
            }

            if (settings.From is { } from && !TwilioAddresses.IsE164(from.Replace(TwilioAddresses.WhatsAppPrefix, "", StringComparison.Ordinal)))
            {
                errors.Add($"{key}:From must be an E.164 number such as +15551234567 (got '{from}').");
            }

            Sid(errors, settings.MessagingServiceSid, "MG", $"{key}:MessagingServiceSid", required: false);
            Sid(errors, settings.WindowTemplateContentSid, "HX", $"{key}:WindowTemplateContentSid", required: false);
            if (!TelegramChannelOptionsValidator.IsOrigin(settings.ApiBaseUrl))
            {
                errors.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.ApiBaseUrl}').");
            }

            if (settings.PublicBaseUrl is { } publicBase && !ChannelDoorOptionsValidator.IsBaseUrl(publicBase))
            {
                errors.Add($"{key}:PublicBaseUrl must be an absolute http or https URL without a query or fragment (got '{publicBase}').");
            }

            if (settings.PublicBaseUrl is null && door.Value.PublicBaseUrl is null && door.Value.TrustedProxies.Count == 0)
            {
                errors.Add($"{key}:PublicBaseUrl or {ChannelDoorOptions.Section}:PublicBaseUrl is required (Twilio signs the URL it calls), "
                    + $"or {ChannelDoorOptions.Section}:TrustedProxies for a proxy that forwards it.");
            }

            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerNumberMessagesPerSecond > 0 && double.IsFinite(settings.PerNumberMessagesPerSecond), $"{key}:PerNumberMessagesPerSecond");
            Positive(errors, settings.AccountMessagesPerSecond > 0 && double.IsFinite(settings.AccountMessagesPerSecond), $"{key}:AccountMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            Positive(errors, settings.CustomerServiceWindow > TimeSpan.Zero, $"{key}:CustomerServiceWindow");
            Positive(errors, settings.FileLinkLifetime > TimeSpan.Zero, $"{key}:FileLinkLifetime");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Sid(List<string> errors, string? value, string prefix, string key, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add($"{key} is required ('{prefix}' and 32 hex digits, from the Twilio console).");
            }
        }
        else if (value.Length != 34 || !value.StartsWith(prefix, StringComparison.Ordinal)
            || value.AsSpan(2).ContainsAnyExcept(s_hex))
        {
            errors.Add($"{key} must be '{prefix}' followed by 32 hex digits (got '{value}').");
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

using Byoc.Connector.Channels.Telegram;
using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Meta;

/// <summary>Checks every WhatsApp channel and names each wrong key. Secrets are never echoed.</summary>
internal sealed class WhatsAppChannelOptionsValidator : IValidateOptions<WhatsAppChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{WhatsAppChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: {ChannelNames.Rule}.");
            }

            Required(errors, settings.ChannelAddressIdentifier, $"{key}:ChannelAddressIdentifier", "the Salesforce channel address");
            Required(errors, settings.AppSecret, $"{key}:AppSecret", "it signs Meta's webhooks; App settings > Basic > App secret");
            Required(errors, settings.VerifyToken, $"{key}:VerifyToken", "a string of your choice, pasted into the app's webhook settings");
            Required(errors, settings.AccessToken, $"{key}:AccessToken", "a system user's permanent token with whatsapp_business_messaging");
            if (settings.PhoneNumberId is not { Length: > 0 } phone || !phone.All(char.IsAsciiDigit))
            {
                errors.Add($"{key}:PhoneNumberId is required: the digits shown as 'Phone number ID' under WhatsApp > API Setup (got '{settings.PhoneNumberId}').");
            }

            if (settings.GraphApiVersion is not ['v', .. var version] || !Version.TryParse(version, out _))
            {
                errors.Add($"{key}:GraphApiVersion must look like v23.0 (got '{settings.GraphApiVersion}').");
            }

            if (!TelegramChannelOptionsValidator.IsOrigin(settings.GraphBaseUrl))
            {
                errors.Add($"{key}:GraphBaseUrl must be an absolute http(s) URL with no path, query or fragment (got '{settings.GraphBaseUrl}').");
            }

            if (settings.BusinessAccountId is { } waba && (waba.Length == 0 || !waba.All(char.IsAsciiDigit)))
            {
                errors.Add($"{key}:BusinessAccountId must be the WhatsApp Business Account id, digits only, or left out (got '{waba}').");
            }

            if (settings.WindowTemplateName is { } template && !IsTemplateName(template))
            {
                errors.Add($"{key}:WindowTemplateName must be a template name of lower-case letters, digits and '_' (got '{template}').");
            }

            if (string.IsNullOrWhiteSpace(settings.WindowTemplateLanguage))
            {
                errors.Add($"{key}:WindowTemplateLanguage must be a language code such as en_US.");
            }

            foreach (var (definition, mapping) in settings.Templates)
            {
                if (!IsTemplateName(mapping.Name))
                {
                    errors.Add($"{key}:Templates:{definition}:Name must be a template name of lower-case letters, digits and '_' (got '{mapping.Name}').");
                }

                if (mapping.Language is { } language && string.IsNullOrWhiteSpace(language))
                {
                    errors.Add($"{key}:Templates:{definition}:Language must be a language code such as en_US, or left out.");
                }
            }

            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerUserMessagesPerSecond > 0 && double.IsFinite(settings.PerUserMessagesPerSecond), $"{key}:PerUserMessagesPerSecond");
            Positive(errors, settings.AccountMessagesPerSecond > 0 && double.IsFinite(settings.AccountMessagesPerSecond), $"{key}:AccountMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            Positive(errors, settings.CustomerServiceWindow > TimeSpan.Zero, $"{key}:CustomerServiceWindow");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsTemplateName(string? name) =>
        name is { Length: > 0 and <= 512 } && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

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

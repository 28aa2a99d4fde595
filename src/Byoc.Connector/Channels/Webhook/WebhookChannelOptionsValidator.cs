using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Webhook;

/// <summary>Checks every webhook channel and names each wrong key. Secrets are never echoed.</summary>
internal sealed class WebhookChannelOptionsValidator : IValidateOptions<WebhookChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{WebhookChannelOptions.Section}:Channels:{channel}";
            if (!ChannelNames.IsValid(channel))
            {
                errors.Add($"{key}: the channel name may only contain letters, digits, '-' and '_'.");
            }

            if (string.IsNullOrWhiteSpace(settings.ChannelAddressIdentifier))
            {
                errors.Add($"{key}:ChannelAddressIdentifier is required.");
            }

            if (string.IsNullOrEmpty(settings.Secret))
            {
                errors.Add($"{key}:Secret is required.");
            }
            else if (StandardWebhookSignature.DecodeSecret(settings.Secret) is null)
            {
                errors.Add($"{key}:Secret must be 'whsec_' followed by base64.");
            }

            if (settings.OutboundUrl is null)
            {
                errors.Add($"{key}:OutboundUrl is required.");
            }
            else if (!settings.OutboundUrl.IsAbsoluteUri || !IsHttp(settings.OutboundUrl))
            {
                errors.Add($"{key}:OutboundUrl must be an absolute http(s) URL.");
            }

            if (settings.MaxBodyBytes < 1)
            {
                errors.Add($"{key}:MaxBodyBytes must be at least 1.");
            }

            if (settings.TimestampTolerance <= TimeSpan.Zero)
            {
                errors.Add($"{key}:TimestampTolerance must be positive.");
            }

            if (settings.OutboundTimeout <= TimeSpan.Zero)
            {
                errors.Add($"{key}:OutboundTimeout must be positive.");
            }

            if (!Enum.IsDefined(settings.RichMessages))
            {
                errors.Add($"{key}:RichMessages must be Native or Text.");
            }

            if (!Enum.IsDefined(settings.OutboundFiles))
            {
                errors.Add($"{key}:OutboundFiles must be Inline or Link.");
            }

            if (settings.PublicBaseUrl is null)
            {
                if (settings.OutboundFiles == OutboundFileMode.Link)
                {
                    errors.Add($"{key}:PublicBaseUrl is required when OutboundFiles is Link (the connector's externally reachable URL).");
                }
            }
            else if (!settings.PublicBaseUrl.IsAbsoluteUri || !IsHttp(settings.PublicBaseUrl)
                || settings.PublicBaseUrl.Query.Length > 0 || settings.PublicBaseUrl.Fragment.Length > 0)
            {
                errors.Add($"{key}:PublicBaseUrl must be an absolute http(s) URL without query or fragment.");
            }

            if (settings.FileLinkLifetime <= TimeSpan.Zero)
            {
                errors.Add($"{key}:FileLinkLifetime must be positive.");
            }

            if (string.IsNullOrWhiteSpace(settings.ParticipantJoinedText) || string.IsNullOrWhiteSpace(settings.ParticipantLeftText))
            {
                errors.Add($"{key}:ParticipantJoinedText and ParticipantLeftText must not be empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp;

}

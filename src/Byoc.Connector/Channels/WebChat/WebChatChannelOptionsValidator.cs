using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.WebChat;

/// <summary>Checks every web chat channel and names each wrong key. Secrets are never echoed.</summary>
internal sealed class WebChatChannelOptionsValidator : IValidateOptions<WebChatChannelOptions>
{
    /// <summary>Shortest accepted session secret, in characters.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Names that are paths of the chat feature itself and so cannot be channel names.</summary>
    private static readonly HashSet<string> s_reserved = new(StringComparer.OrdinalIgnoreCase) { "assets", "widget" };

    public ValidateOptionsResult Validate(string? name, WebChatChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{WebChatChannelOptions.Section}:Channels:{channel}";
            if (!IsValidName(channel))
            {
                errors.Add($"{key}: the channel name may only contain letters, digits, '-' and '_' and must not be 'assets' or 'widget'.");
            }

            if (string.IsNullOrWhiteSpace(settings.ChannelAddressIdentifier))
            {
                errors.Add($"{key}:ChannelAddressIdentifier is required.");
            }

            if (string.IsNullOrEmpty(settings.SessionSecret))
            {
                errors.Add($"{key}:SessionSecret is required.");
            }
            else if (settings.SessionSecret.Length < MinSecretLength)
            {
                errors.Add($"{key}:SessionSecret must be at least {MinSecretLength} characters.");
            }

            if (settings.TokenLifetime < TimeSpan.FromMinutes(1))
            {
                errors.Add($"{key}:TokenLifetime must be at least one minute.");
            }

            if (settings.MaxBodyBytes < 256)
            {
                errors.Add($"{key}:MaxBodyBytes must be at least 256.");
            }

            if (settings.HeartbeatInterval < TimeSpan.FromMilliseconds(10))
            {
                errors.Add($"{key}:HeartbeatInterval must be at least 10 milliseconds.");
            }

            if (string.IsNullOrWhiteSpace(settings.ParticipantJoinedText) || string.IsNullOrWhiteSpace(settings.ParticipantLeftText))
            {
                errors.Add($"{key}:ParticipantJoinedText and ParticipantLeftText must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(settings.Title))
            {
                errors.Add($"{key}:Title must not be empty.");
            }

            if (string.IsNullOrWhiteSpace(settings.FrameAncestors) || settings.FrameAncestors.Any(c => c is ';' or ',' or '\r' or '\n'))
            {
                errors.Add($"{key}:FrameAncestors must be a space-separated list of CSP sources.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsValidName(string name) => ChannelNames.IsValid(name) && !s_reserved.Contains(name);
}

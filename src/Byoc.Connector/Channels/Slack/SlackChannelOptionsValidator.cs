using Byoc.Core.Channels;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Channels.Slack;

/// <summary>Checks every Slack channel and names each wrong key. The bot token and the signing secret are never echoed.</summary>
internal sealed class SlackChannelOptionsValidator : IValidateOptions<SlackChannelOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackChannelOptions options)
    {
        var errors = new List<string>();
        foreach (var (channel, settings) in options.Channels)
        {
            var key = $"{SlackChannelOptions.Section}:Channels:{channel}";
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
                errors.Add($"{key}:BotToken is required (the Bot User OAuth Token, xoxb-…, from the app's OAuth & Permissions page).");
            }
            else if (!settings.BotToken.StartsWith("xoxb-", StringComparison.Ordinal) || settings.BotToken.Any(char.IsWhiteSpace))
            {
                errors.Add($"{key}:BotToken must be a bot token: it starts with 'xoxb-' and has no spaces.");
            }

            if (string.IsNullOrWhiteSpace(settings.SigningSecret))
            {
                errors.Add($"{key}:SigningSecret is required (Basic Information, App Credentials, Signing Secret).");
            }

            if (settings.ApiBaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" } api || !api.AbsolutePath.EndsWith('/')
                || !string.IsNullOrEmpty(api.Query) || !string.IsNullOrEmpty(api.Fragment) || !string.IsNullOrEmpty(api.UserInfo))
            {
                errors.Add($"{key}:ApiBaseUrl must be an absolute http(s) URL ending in '/' with no query or fragment (got '{settings.ApiBaseUrl}').");
            }

            if (settings.FileHosts.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{key}:FileHosts must not hold an empty host.");
            }

            if (settings.PublicBaseUrl is { } publicBase && !ChannelDoorOptionsValidator.IsBaseUrl(publicBase))
            {
                errors.Add($"{key}:PublicBaseUrl must be an absolute http or https URL without a query or fragment (got '{publicBase}').");
            }

            if (!Enum.IsDefined(settings.Conversations))
            {
                errors.Add($"{key}:Conversations must be PerChannel or PerThread.");
            }

            Positive(errors, settings.SignatureTolerance > TimeSpan.Zero, $"{key}:SignatureTolerance");
            Positive(errors, settings.MaxBodyBytes > 0, $"{key}:MaxBodyBytes");
            Positive(errors, settings.PerChannelMessagesPerSecond > 0 && double.IsFinite(settings.PerChannelMessagesPerSecond), $"{key}:PerChannelMessagesPerSecond");
            Positive(errors, settings.WorkspaceMessagesPerSecond > 0 && double.IsFinite(settings.WorkspaceMessagesPerSecond), $"{key}:WorkspaceMessagesPerSecond");
            Positive(errors, settings.MaxRateLimitWait >= TimeSpan.Zero, $"{key}:MaxRateLimitWait", "must not be negative");
            Positive(errors, settings.RequestTimeout > TimeSpan.Zero, $"{key}:RequestTimeout");
            if (settings.MaxButtons is < 0 or > SlackBlocks.MaxButtons)
            {
                errors.Add($"{key}:MaxButtons must be between 0 (always numbered text) and {SlackBlocks.MaxButtons}.");
            }

            if (string.IsNullOrWhiteSpace(settings.ParticipantJoinedText) || string.IsNullOrWhiteSpace(settings.ParticipantLeftText))
            {
                errors.Add($"{key}:ParticipantJoinedText and ParticipantLeftText must not be empty.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(List<string> errors, bool valid, string key, string rule = "must be positive")
    {
        if (!valid)
        {
            errors.Add($"{key} {rule}.");
        }
    }
}

using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Slack;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured Slack channel: <c>auth.test</c> with the bot token proves the token and names
/// the workspace and the bot user. The Event Subscriptions and Interactivity Request URLs are app settings no bot token
/// can read; Slack's <c>url_verification</c> checks the events URL when it is saved.
/// </summary>
internal sealed class SlackPlatformCheck(string channel, SlackEndpointOptions settings, HttpClient http) : IPlatformCheck
{
    public string Name => $"slack-{channel}";

    public string Title => $"Slack channel {channel}: bot token valid (auth.test)";

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{SlackChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.BotToken))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:BotToken is missing.",
                "Set the Bot User OAuth Token (xoxb-…) from the app's OAuth & Permissions page, after installing the app to the workspace.");
        }

        var call = await new SlackWebApi(http, settings, TimeProvider.System).CallAsync("auth.test", [], cancellationToken);
        if (call.Body is not { } body || !call.IsSuccess)
        {
            var fix = call.Error switch
            {
                "invalid_auth" or "not_authed" or "token_revoked" or "account_inactive" =>
                    $"{key}:BotToken is not a valid bot token of an installed app: reinstall the app to the workspace and copy the Bot User OAuth Token again.",
                null => $"Check that {settings.ApiBaseUrl} is reachable ({key}:ApiBaseUrl).",
                _ => "See Slack's error in the evidence.",
            };
            return Result(PlatformCheckStatus.Fail, $"auth.test: {call.Outcome.Error}", fix);
        }

        return Result(PlatformCheckStatus.Pass, $"The bot token is the bot user {Str(body, "user_id") ?? "?"} (bot {Str(body, "bot_id") ?? "?"}) of workspace "
            + $"'{Str(body, "team") ?? "?"}' ({Str(body, "team_id") ?? "?"}). The Request URLs are checked by Slack when they are saved in the app.");
    }

    private static string? Str(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

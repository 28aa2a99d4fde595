using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Line;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured LINE channel: the channel access token reads the bot's info
/// (<c>GET /v2/bot/info</c>), which proves the token and shows which LINE Official Account it belongs to. The webhook URL
/// is checked by the console's "Verify" (a signed POST with no events, which the connector answers 200); the API that
/// reads the endpoint back does not prove LINE can reach it, so the doctor does not repeat it.
/// </summary>
internal sealed class LinePlatformCheck(string channel, LineEndpointOptions settings, HttpClient http) : IPlatformCheck
{
    public string Name => $"line-{channel}";

    public string Title => $"LINE channel {channel}: channel access token valid";

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{LineChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.ChannelAccessToken))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:ChannelAccessToken is missing.",
                "Issue a long-lived channel access token: LINE Developers console > the channel > Messaging API > Channel access token.");
        }

        var api = new LineApi(http, settings, TimeProvider.System);
        var (outcome, bot, status) = await api.GetBotInfoAsync(cancellationToken);
        if (bot is null)
        {
            var fix = status switch
            {
                401 => $"{key}:ChannelAccessToken is invalid or revoked: issue a new long-lived token in the channel's Messaging API tab.",
                null => $"Check that {settings.ApiBaseUrl} is reachable ({key}:ApiBaseUrl).",
                _ => "See LINE's answer in the evidence.",
            };
            return Result(PlatformCheckStatus.Fail, $"Reading the bot info: {outcome.Error}", fix);
        }

        var evidence = $"The token belongs to '{Str(bot, "displayName") ?? "(no name)"}' ({Str(bot, "basicId") ?? "no basic id"}, "
            + $"user id {Str(bot, "userId") ?? "unknown"}), chat mode {Str(bot, "chatMode") ?? "unknown"}";
        return Result(PlatformCheckStatus.Pass, evidence + ". The webhook URL is checked by the console's Verify button.");
    }

    private static string? Str(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured Messenger channel: the Page access token reads its Page (<c>GET /{version}/me</c>),
/// which proves the token, and the Page must be the configured <c>PageId</c> (a token of another Page would send from
/// it, and its webhooks would be left out). Then the Page's subscribed apps (<c>GET /{version}/{page-id}/subscribed_apps</c>)
/// must include an app with the four webhook fields the connector needs; a token without <c>pages_manage_metadata</c>
/// cannot read them, which skips that part with a note. The callback URL is an app setting that only an app token can read;
/// Meta's verification GET checks it when it is saved.
/// </summary>
internal sealed class MessengerPlatformCheck(string channel, MessengerEndpointOptions settings, HttpClient http) : IPlatformCheck
{
    public string Name => $"messenger-{channel}";

    public string Title => $"Messenger channel {channel}: Page access token valid for the Page id, webhook fields subscribed";

    /// <summary>The webhook fields the connector reads (docs/messenger-channel.md).</summary>
    private static readonly string[] s_neededFields = ["messages", "messaging_postbacks", "message_deliveries", "message_reads"];

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{MessengerChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.PageAccessToken) || string.IsNullOrEmpty(settings.PageId))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:PageAccessToken or {key}:PageId is missing.",
                "Generate the Page's token under Messenger > Messenger API Settings and set the Page's id.");
        }

        var api = new MessengerGraphApi(http, settings, TimeProvider.System);
        var (outcome, page, code) = await api.GetPageAsync(cancellationToken);
        if (page is null)
        {
            var fix = code switch
            {
                MetaGraphClient.TokenCode => $"{key}:PageAccessToken is invalid or expired: generate the Page's token again (Messenger > Messenger API Settings), from a Page admin.",
                null => $"Check that {settings.GraphBaseUrl} is reachable and {key}:GraphApiVersion ({settings.GraphApiVersion}) is a Graph API version.",
                _ => "See Meta's error code in the evidence.",
            };
            return Result(PlatformCheckStatus.Fail, $"Reading the token's Page: {outcome.Error}", fix);
        }

        var id = page["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var name = page["name"] is JsonValue named && named.TryGetValue<string>(out var title) ? title : "(no name)";
        if (id != settings.PageId)
        {
            return Result(PlatformCheckStatus.Fail, $"The Page access token belongs to Page {id} '{name}', not {settings.PageId}.",
                $"Set {key}:PageId to {id}, or use the token of Page {settings.PageId}.");
        }

        var tokenEvidence = $"The Page access token is Page {id}'s, '{name}'.";
        var (appsOutcome, apps, _) = await api.GetSubscribedAppsAsync(cancellationToken);
        if (apps is null)
        {
            return Result(PlatformCheckStatus.Pass, $"{tokenEvidence} The Page's webhook subscriptions could not be read ({appsOutcome.Error}); a token "
                + "with pages_manage_metadata shows them. The callback URL is checked by Meta's verification request when it is saved in the app.");
        }

        var subscribed = (apps["data"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(app => (Name: app["name"]?.GetValue<string>() ?? "an app", Fields: (app["subscribed_fields"] as JsonArray ?? [])
                .Select(f => f?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)))
            .ToList();
        if (subscribed.Count == 0)
        {
            return Result(PlatformCheckStatus.Fail, $"{tokenEvidence} No app is subscribed to the Page's webhooks, so Meta sends the connector nothing.",
                $"In the app's Messenger settings, add Page {id} under Webhooks and subscribe it to {string.Join(", ", s_neededFields)}.");
        }

        var best = subscribed.OrderBy(app => s_neededFields.Count(f => !app.Fields.Contains(f))).First();
        var missing = s_neededFields.Where(f => !best.Fields.Contains(f)).ToList();
        return missing.Count == 0
            ? Result(PlatformCheckStatus.Pass, $"{tokenEvidence} {best.Name} is subscribed to the Page's {string.Join(", ", s_neededFields)}.")
            : Result(PlatformCheckStatus.Fail, $"{tokenEvidence} {best.Name} is subscribed to the Page's webhooks without {string.Join(", ", missing)}.",
                $"In the app's Messenger settings > Webhooks, subscribe Page {id} to {string.Join(", ", missing)} too.");
    }

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

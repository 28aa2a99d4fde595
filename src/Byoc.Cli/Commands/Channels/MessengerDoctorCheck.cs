using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Meta;
using Byoc.Setup.Checks;

namespace Byoc.Cli.Commands.Channels;

/// <summary>
/// <c>byoc doctor</c> for one configured Messenger channel: the Page access token reads its Page (<c>GET /{version}/me</c>),
/// which proves the token, and the Page must be the configured <c>PageId</c> (a token of another Page would send from
/// it, and its webhooks would be left out). The callback URL and the Page's webhook fields are app settings that only
/// an app token can read, which the connector does not hold; Meta's verification GET checks the URL instead.
/// </summary>
internal sealed class MessengerDoctorCheck(string channel, MessengerEndpointOptions settings, HttpClient http) : IPlatformDoctorCheck
{
    public string Name => $"messenger-{channel}";

    public string Title => $"Messenger channel {channel}: Page access token valid for the Page id";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>The check itself; it needs nothing of the org.</summary>
    public async Task<CheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{MessengerChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.PageAccessToken) || string.IsNullOrEmpty(settings.PageId))
        {
            return Result(CheckStatus.Fail, $"{key}:PageAccessToken or {key}:PageId is missing.",
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
            return Result(CheckStatus.Fail, $"Reading the token's Page: {outcome.Error}", fix);
        }

        var id = page["id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var name = page["name"] is JsonValue named && named.TryGetValue<string>(out var title) ? title : "(no name)";
        if (id != settings.PageId)
        {
            return Result(CheckStatus.Fail, $"The Page access token belongs to Page {id} '{name}', not {settings.PageId}.",
                $"Set {key}:PageId to {id}, or use the token of Page {settings.PageId}.");
        }

        return Result(CheckStatus.Pass, $"The Page access token is Page {id}'s, '{name}'. The callback URL is checked by Meta's verification "
            + "request when it is saved in the app.");
    }

    private CheckResult Result(CheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

using System.Text.Json.Nodes;
using Byoc.Connector.Channels.Meta;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured WhatsApp Cloud API channel: the access token reads the phone number
/// (<c>GET /{version}/{phone-number-id}</c>), which proves both the token and that the id is a number the token may send
/// from. With <c>BusinessAccountId</c> set it then reads the business account's subscribed apps
/// (<c>GET /{version}/{waba-id}/subscribed_apps</c>): without one the number's webhooks go nowhere. The callback URL and its
/// <c>messages</c> field are app settings that only an app token can read (<c>GET /{app-id}/subscriptions</c>), which the
/// connector does not hold; Meta's verification GET checks the URL instead.
/// </summary>
internal sealed class WhatsAppPlatformCheck(string channel, WhatsAppEndpointOptions settings, HttpClient http) : IPlatformCheck
{
    public string Name => $"whatsapp-{channel}";

    public string Title => $"WhatsApp channel {channel}: token valid for the phone number id, app subscribed to the account";

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{WhatsAppChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.AccessToken) || string.IsNullOrEmpty(settings.PhoneNumberId))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:AccessToken or {key}:PhoneNumberId is missing.",
                "Set the system user's permanent token and the 'Phone number ID' shown under WhatsApp > API Setup.");
        }

        var api = new WhatsAppGraphApi(http, settings, TimeProvider.System);
        var (outcome, number, code) = await api.GetPhoneNumberAsync(cancellationToken);
        if (number is null)
        {
            var fix = code switch
            {
                WhatsAppGraphApi.TokenCode => $"{key}:AccessToken is invalid or expired: generate a system user's token that never expires (Business settings > System users).",
                100 or 200 => $"Check {key}:PhoneNumberId, and that the system user has the WhatsApp account among its assets and the token has whatsapp_business_messaging.",
                null => $"Check that {settings.GraphBaseUrl} is reachable and {key}:GraphApiVersion ({settings.GraphApiVersion}) is a Graph API version.",
                _ => "See Meta's error code in the evidence.",
            };
            return Result(PlatformCheckStatus.Fail, $"Reading phone number {settings.PhoneNumberId}: {outcome.Error}", fix);
        }

        var evidence = $"Phone number id {settings.PhoneNumberId} is {Str(number, "display_phone_number") ?? "a number"} "
            + $"'{Str(number, "verified_name") ?? "(no verified name)"}'";
        if (Str(number, "quality_rating") is { } quality)
        {
            evidence += $", quality {quality}";
        }

        evidence += ".";
        if (settings.BusinessAccountId is not { Length: > 0 } waba)
        {
            return Result(PlatformCheckStatus.Pass, evidence + $" Set {key}:BusinessAccountId to check the account's webhook subscription too. "
                + "The callback URL is checked by Meta's verification request when it is saved in the app.");
        }

        var (appsOutcome, apps, _) = await api.GetSubscribedAppsAsync(waba, cancellationToken);
        if (apps is null)
        {
            return Result(PlatformCheckStatus.Fail, $"{evidence} Reading the subscribed apps of business account {waba}: {appsOutcome.Error}",
                $"Check {key}:BusinessAccountId (the WhatsApp Business Account id under WhatsApp > API Setup) and that the system user has the account among its assets.");
        }

        var names = (apps["data"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(app => app["whatsapp_business_api_data"] is JsonObject data ? Str(data, "name") ?? Str(data, "id") : null)
            .OfType<string>().ToList();
        return names.Count == 0
            ? Result(PlatformCheckStatus.Fail, $"{evidence} No app is subscribed to business account {waba}'s webhooks, so Meta sends the connector nothing.",
                $"Subscribe the app once: POST {settings.GraphBaseUrl.GetLeftPart(UriPartial.Authority)}/{settings.GraphApiVersion}/{waba}/subscribed_apps "
                + "with the system user's token (docs/whatsapp-channel.md, step 7).")
            : Result(PlatformCheckStatus.Pass, $"{evidence} Business account {waba}'s webhooks go to {string.Join(", ", names)}.");
    }

    private static string? Str(JsonObject item, string name) => item[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

using System.Text.Json;
using Byoc.Connector.Channels.Twilio;

namespace Byoc.Connector.Diagnostics.Platforms;

/// <summary>
/// <c>byoc doctor</c> for one configured Twilio channel: the credentials are valid (the Account resource can be read and
/// is active), and where the API shows it, Twilio delivers to the connector's <c>/channels/{name}</c>: the messaging
/// service's <c>inbound_request_url</c>, else the SMS number's <c>sms_url</c> ("A message comes in"). A WhatsApp sender's
/// webhook is set on the sender in the console and is not read here.
/// </summary>
internal sealed class TwilioPlatformCheck(string channel, TwilioEndpointOptions settings, Uri? publicBaseUrl, HttpClient http) : IPlatformCheck
{
    // The Messaging Services API is on its own host at Twilio; a fake (any other ApiBaseUrl) serves it on the same one.
    private static readonly Uri s_messagingApi = new("https://messaging.twilio.com");

    public string Name => $"twilio-{channel}";

    public string Title => $"Twilio channel {channel}: credentials valid, webhook at the connector";

    /// <inheritdoc/>
    public async Task<PlatformCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var key = $"{TwilioChannelOptions.Section}:Channels:{channel}";
        if (string.IsNullOrEmpty(settings.AccountSid) || string.IsNullOrEmpty(settings.AuthToken))
        {
            return Result(PlatformCheckStatus.Fail, $"{key}:AccountSid or {key}:AuthToken is missing.",
                "Set both from the Twilio console (Account Info on the dashboard).");
        }

        var api = new TwilioApi(http, settings, TimeProvider.System);
        var (account, accountError) = await api.GetAsync(new Uri(settings.ApiBaseUrl, $"/2010-04-01/Accounts/{settings.AccountSid}.json"), cancellationToken);
        if (account is not { } found)
        {
            return Result(PlatformCheckStatus.Fail, $"Reading the account {settings.AccountSid}: {accountError}",
                $"Check {key}:AccountSid and {key}:AuthToken (or ApiKeySid/ApiKeySecret; error 20003 means Twilio refused them) and that {settings.ApiBaseUrl} is reachable.");
        }

        var status = String(found, "status");
        var evidence = $"Account {settings.AccountSid} '{String(found, "friendly_name")}' is {status}";
        if (status != "active")
        {
            return Result(PlatformCheckStatus.Fail, evidence + ".", "A suspended or closed account sends nothing: see the Twilio console.");
        }

        if ((settings.PublicBaseUrl ?? publicBaseUrl) is not { } baseUrl)
        {
            return Result(PlatformCheckStatus.Skip, evidence + $". No {key}:PublicBaseUrl or Connector:Channels:PublicBaseUrl to compare Twilio's webhook with.");
        }

        var expected = TwilioInboundAdapter.WebhookUrl(baseUrl, channel);
        var (where, configured, error) = await WebhookAsync(api, cancellationToken);
        if (where is null)
        {
            return Result(PlatformCheckStatus.Pass, evidence + $". {error} Set it to {expected} (HTTP POST).");
        }

        evidence += $"; {where} webhook '{configured ?? "none"}'";
        return configured is not null && SameUrl(configured, expected)
            ? Result(PlatformCheckStatus.Pass, evidence + ".")
            : Result(PlatformCheckStatus.Fail, evidence + (error is null ? $". Expected {expected}." : $": {error}"),
                $"In the Twilio console set the {where}'s \"A message comes in\" webhook to {expected} (HTTP POST).");
    }

    private async Task<(string? Where, string? Url, string? Error)> WebhookAsync(TwilioApi api, CancellationToken cancellationToken)
    {
        if (settings.MessagingServiceSid is { } service)
        {
            var messaging = settings.ApiBaseUrl == TwilioEndpointOptions.DefaultApiBaseUrl ? s_messagingApi : settings.ApiBaseUrl;
            var (resource, error) = await api.GetAsync(new Uri(messaging, $"/v1/Services/{service}"), cancellationToken);
            if (resource is not { } found)
            {
                return ($"messaging service {service}", null, error);
            }

            if (!(found.TryGetProperty("use_inbound_webhook_on_number", out var onNumber) && onNumber.ValueKind == JsonValueKind.True))
            {
                return ($"messaging service {service}", String(found, "inbound_request_url"), null);
            }
        }

        if (settings.Kind == TwilioChannelKind.WhatsApp || settings.From is not { } from)
        {
            return (null, null, "The WhatsApp sender's webhook is set on the sender in the console (Messaging > Senders) and is not checked here.");
        }

        var (list, listError) = await api.GetAsync(new Uri(settings.ApiBaseUrl,
            $"/2010-04-01/Accounts/{settings.AccountSid}/IncomingPhoneNumbers.json?PhoneNumber={Uri.EscapeDataString(from)}"), cancellationToken);
        if (list is not { } numbers)
        {
            return ($"number {from}", null, listError);
        }

        return numbers.TryGetProperty("incoming_phone_numbers", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() > 0
            ? ($"number {from}", String(items[0], "sms_url"), null)
            : ($"number {from}", null, $"{from} is not a phone number of this account ({settings.AccountSid}).");
    }

    // Twilio keeps connection overrides (#rc=…) in the URL's fragment; they are not part of the address.
    private static bool SameUrl(string configured, Uri expected) =>
        Uri.TryCreate(configured, UriKind.Absolute, out var url)
        && string.Equals(url.GetLeftPart(UriPartial.Query).TrimEnd('/'), expected.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private PlatformCheckResult Result(PlatformCheckStatus status, string evidence, string? fix = null) => new(Name, Title, status, evidence, fix);
}

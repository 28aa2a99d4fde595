using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// What a configuration check reads: <c>GET /2010-04-01/Accounts/{Sid}.json</c> (Account resource),
/// <c>GET …/IncomingPhoneNumbers.json?PhoneNumber=</c> (IncomingPhoneNumber resource: the SMS number with its
/// <c>sms_url</c>, the "A message comes in" webhook) and <c>GET /v1/Services/{Sid}</c> (Messaging Service resource, at
/// Twilio on <c>messaging.twilio.com</c>, here on the same base address: <c>inbound_request_url</c>). Both webhooks are
/// <see cref="FakeTwilioOptions.WebhookUrl"/>.
/// </summary>
internal sealed partial class TwilioRestApi
{
    private void MapAccount(IEndpointRouteBuilder app)
    {
        app.MapGet(AccountPath + ".json", (string accountSid) => new TwilioJsonResult(200, new JsonObject
        {
            ["sid"] = accountSid,
            ["friendly_name"] = "My first Twilio account",
            ["status"] = "active",
            ["type"] = "Full",
        })).AddEndpointFilter(AuthenticateAsync);
        app.MapGet(AccountPath + "/IncomingPhoneNumbers.json", ListNumbers).AddEndpointFilter(AuthenticateAsync);
        app.MapGet("/v1/Services/{serviceSid}", GetService).AddEndpointFilter(AuthenticateAsync);
    }

    private JsonObject Number() => new()
    {
        ["sid"] = "PN" + state.Options.AccountSid[2..],
        ["phone_number"] = state.Options.PhoneNumber,
        ["sms_url"] = state.Options.WebhookUrl?.OriginalString ?? "",
        ["sms_method"] = "POST",
    };

    private TwilioJsonResult ListNumbers(string? phoneNumber)
    {
        var numbers = new JsonArray();
        if (phoneNumber is null || phoneNumber == state.Options.PhoneNumber)
        {
            numbers.Add(Number());
        }

        return new TwilioJsonResult(200, new JsonObject { ["incoming_phone_numbers"] = numbers, ["page"] = 0, ["next_page_uri"] = null });
    }

    private IResult GetService(HttpRequest request, string serviceSid) => serviceSid != state.Options.MessagingServiceSid
        ? TwilioError.NotFound(request.Path)
        : new TwilioJsonResult(200, new JsonObject
        {
            ["sid"] = serviceSid,
            ["account_sid"] = state.Options.AccountSid,
            ["friendly_name"] = "Messaging Service",
            ["inbound_request_url"] = state.Options.WebhookUrl?.OriginalString,
            ["inbound_method"] = "POST",
            ["use_inbound_webhook_on_number"] = false,
        });
}

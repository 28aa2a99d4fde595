using System.Globalization;
using System.Text.Json.Nodes;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>The Message resource's JSON (Messaging API, "Message resource": snake_case properties, RFC 2822 dates, counts as strings).</summary>
internal static class TwilioMessageResource
{
    public static JsonObject Json(TwilioSentMessage message, string accountSid, DateTimeOffset updated)
    {
        var uri = $"/2010-04-01/Accounts/{accountSid}/Messages/{message.Sid}";
        return new JsonObject
        {
            ["account_sid"] = accountSid,
            ["api_version"] = "2010-04-01",
            ["body"] = message.Body ?? "",
            ["date_created"] = Rfc2822(message.DateCreated),
            ["date_sent"] = message.Status is "queued" or "accepted" ? null : Rfc2822(updated),
            ["date_updated"] = Rfc2822(updated),
            ["direction"] = "outbound-api",
            ["error_code"] = message.ErrorCode,
            ["error_message"] = message.ErrorCode is { } code ? ErrorMessage(code) : null,
            ["from"] = message.From,
            ["messaging_service_sid"] = message.MessagingServiceSid,
            ["num_media"] = message.MediaUrls.Count.ToString(CultureInfo.InvariantCulture),
            ["num_segments"] = TwilioInboundForm.Segments(message.Body ?? "").ToString(CultureInfo.InvariantCulture),
            ["price"] = null,
            ["price_unit"] = "USD",
            ["sid"] = message.Sid,
            ["status"] = message.Status,
            ["subresource_uris"] = new JsonObject { ["media"] = uri + "/Media.json" },
            ["to"] = message.To,
            ["uri"] = uri + ".json",
        };
    }

    public static string Rfc2822(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    public static string ErrorMessage(int code) => code switch
    {
        63016 => "Failed to send freeform message because you are outside the allowed window. Please use a Template.",
        11200 => "HTTP retrieval failure",
        _ => "Message failed",
    };
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// <c>POST /v2/Indicators/Typing.json</c> (Typing Indicators resource, public beta; at Twilio on
/// <c>messaging.twilio.com</c>, here on the same base address): <c>channel=whatsapp</c> and the <c>messageId</c> of a
/// user's WhatsApp message, answered <c>{"success": true}</c>.
/// </summary>
internal sealed partial class TwilioRestApi
{
    private async Task<IResult> SendTypingAsync(HttpRequest request)
    {
        if (Refusal("Typing") is { } refused)
        {
            return refused;
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : null;
        var channel = form?["channel"].ToString();
        var messageId = form?["messageId"].ToString();
        if (!string.Equals(channel, "whatsapp", StringComparison.OrdinalIgnoreCase))
        {
            return TwilioError.Result(400, 20001, "Invalid channel: only 'whatsapp' is supported.");
        }

        TwilioInboundMessage? message = string.IsNullOrEmpty(messageId) ? null
            : recordings.Inbound.Items.FirstOrDefault(item => item.MessageSid == messageId && item.From.StartsWith("whatsapp:", StringComparison.Ordinal));
        if (message is null)
        {
            return TwilioError.Result(400, 20001, $"Invalid messageId: {messageId} is not a WhatsApp message of this account.");
        }

        recordings.TypingIndicators.Add(new TwilioTypingIndicator(message.MessageSid, message.From, state.Options.TimeProvider.GetUtcNow()));
        return new TwilioJsonResult(200, new JsonObject { ["success"] = true });
    }
}

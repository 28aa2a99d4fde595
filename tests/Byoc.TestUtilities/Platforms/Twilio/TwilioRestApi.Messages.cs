using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// <c>POST …/Messages.json</c> and <c>GET …/Messages/{Sid}.json</c> (Messaging API, "Message resource"): the form is
/// checked in Twilio's order of errors, a good one is answered 201 with the resource, and the rest happens after
/// the answer as at Twilio (<see cref="TwilioDelivery"/>).
/// </summary>
internal sealed partial class TwilioRestApi
{
    private const int MaxBodyLength = 1600;
    private const int MaxMedia = 10;

    private void MapMessages(RouteGroupBuilder account)
    {
        account.MapPost("/Messages.json", CreateMessageAsync);
        account.MapGet("/Messages/{messageSid}.json", GetMessage);
    }

    private async Task<IResult> CreateMessageAsync(HttpRequest request)
    {
        if (Refusal("Messages") is { } refused)
        {
            return refused;
        }

        if (!request.HasFormContentType)
        {
            return TwilioError.Result(400, 20001, "The request must be application/x-www-form-urlencoded.");
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var fields = form.SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))).ToList();
        string? Field(string name) => form.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value.ToString() : null;
        var (to, from, service, body) = (Field("To"), Field("From"), Field("MessagingServiceSid"), Field("Body"));
        var (contentSid, variables, callback) = (Field("ContentSid"), Field("ContentVariables"), Field("StatusCallback"));
        var media = form.TryGetValue("MediaUrl", out var urls) ? urls.Where(url => !string.IsNullOrEmpty(url)).Select(url => url!).ToList() : [];
        var options = state.Options;

        if (to is null)
        {
            return TwilioError.Result(400, 21604, "A 'To' phone number is required.");
        }

        if (from is null && service is null)
        {
            return TwilioError.Result(400, 21603, "A 'From' phone number is required.");
        }

        if (service is not null && service != options.MessagingServiceSid)
        {
            return TwilioError.Result(400, 21701, $"The Messaging Service Sid {service} is invalid.");
        }

        var whatsApp = to.StartsWith("whatsapp:", StringComparison.Ordinal);
        from ??= whatsApp ? "whatsapp:" + options.WhatsAppNumber : options.PhoneNumber;
        if (!state.IsOwnSender(from))
        {
            return TwilioError.Result(400, 21606, $"The From phone number {from} is not a valid, SMS-capable inbound phone number or short code for your account.");
        }

        if (whatsApp != from.StartsWith("whatsapp:", StringComparison.Ordinal))
        {
            return TwilioError.Result(400, 21910, "Invalid From and To pair. From and To should be of the same channel");
        }

        if (!IsE164(whatsApp ? to["whatsapp:".Length..] : to))
        {
            return TwilioError.Result(400, 21211, $"Invalid 'To' Phone Number: {to}");
        }

        if (body is null && media.Count == 0 && contentSid is null)
        {
            return TwilioError.Result(400, 21602, "Message body is required.");
        }

        if (body?.Length > MaxBodyLength)
        {
            return TwilioError.Result(400, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }

        if (media.Count > MaxMedia || media.Any(url => !IsHttpUrl(url)))
        {
            return TwilioError.Result(400, 21620, "Invalid media URL(s)");
        }

        if (callback is not null && !IsHttpUrl(callback))
        {
            return TwilioError.Result(400, 21609, "Invalid StatusCallback url");
        }

        if (contentSid is not null && !contentSid.StartsWith("HX", StringComparison.Ordinal))
        {
            return TwilioError.Result(400, 21655, "The ContentSid is Invalid");
        }

        // A content resource created here is rendered (its body with the variables, its buttons); another HX sid stands for
        // a template approved outside the fake and is sent as it is.
        TwilioContent? content;
        lock (state.Sync)
        {
            content = contentSid is null ? null : state.Contents.GetValueOrDefault(contentSid);
        }

        string? contentText = null;
        if (content is not null)
        {
            if (Variables(variables) is not { } values)
            {
                return TwilioError.Result(400, 21656, "The ContentVariables Parameter is invalid");
            }

            contentText = content.QuickReplyBody is { } template
                ? System.Text.RegularExpressions.Regex.Replace(template, @"\{\{(\w+)\}\}",
                    match => values.GetValueOrDefault(match.Groups[1].Value) ?? content.Variables.GetValueOrDefault(match.Groups[1].Value) ?? match.Value)
                : null;
        }

        TwilioSentMessage message;
        bool outsideWindow;
        lock (state.Sync)
        {
            if (!whatsApp && state.OptedOut.Contains(to))
            {
                return TwilioError.Result(400, 21610, "Attempt to send to unsubscribed recipient");
            }

            var now = options.TimeProvider.GetUtcNow();
            outsideWindow = whatsApp && contentSid is null
                && !(state.LastInbound.TryGetValue(to, out var last) && now - last <= options.WhatsAppWindow);
            message = new TwilioSentMessage(state.NewSid(media.Count > 0 ? "MM" : "SM"), from, to, body, service,
                [.. media.Select(url => new Uri(url))], contentSid, variables, callback is null ? null : new Uri(callback),
                service is not null && Field("From") is null ? "accepted" : "queued", null, now, fields, contentText, content?.Buttons);
            state.Sent[message.Sid] = message;
        }

        recordings.Sent.Add(message);
        var processing = delivery.Start(message, outsideWindow);
        if (options.StatusCallbacksBeforeAnswer)
        {
            await processing;
        }

        return new TwilioJsonResult(201, TwilioMessageResource.Json(message, options.AccountSid, message.DateCreated));
    }

    private IResult GetMessage(HttpRequest request, string messageSid)
    {
        if (Refusal("Messages") is { } refused)
        {
            return refused;
        }

        lock (state.Sync)
        {
            return state.Sent.TryGetValue(messageSid, out var message)
                ? new TwilioJsonResult(200, TwilioMessageResource.Json(message, state.Options.AccountSid, state.Options.TimeProvider.GetUtcNow()))
                : TwilioError.NotFound(request.Path);
        }
    }

    /// <summary>An injected fault or the account's API limit, in Twilio's shapes (20429 for 429, 20500 for a server error).</summary>
    private IResult? Refusal(string operation)
    {
        if (faults.TryTake(operation, out var fault))
        {
            return fault.StatusCode == 429
                ? TwilioError.Result(429, 20429, "Too Many Requests", fault.RetryAfter ?? TimeSpan.FromSeconds(1))
                : TwilioError.Result(fault.StatusCode, 20500, "Internal Server Error");
        }

        if (_limiter is not null && !_limiter.TryAcquire(state.Options.AccountSid, out var retryAfter))
        {
            return TwilioError.Result(429, 20429, "Too Many Requests", retryAfter);
        }

        return null;
    }

    /// <summary><c>ContentVariables</c>: a JSON object of strings (none is an empty one), or null when it is not.</summary>
    private static Dictionary<string, string>? Variables(string? json)
    {
        if (json is null)
        {
            return new(StringComparer.Ordinal);
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsE164(string number) =>
        number.Length is >= 8 and <= 16 && number[0] == '+' && number[1] != '0' && number.Skip(1).All(char.IsAsciiDigit);

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

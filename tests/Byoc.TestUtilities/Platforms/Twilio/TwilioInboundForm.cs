using System.Globalization;

namespace Byoc.TestUtilities.Platforms.Twilio;

/// <summary>
/// Builds the form Twilio posts for an incoming message (Messaging, "Webhook request": the common fields, media as
/// <c>NumMedia</c>/<c>MediaUrl{N}</c>/<c>MediaContentType{N}</c>, the sender's and recipient's geo fields for SMS, and
/// <c>ProfileName</c>/<c>WaId</c>/<c>MessageType</c> for WhatsApp) and applies it to the account's state.
/// </summary>
internal static class TwilioInboundForm
{
    private const string ApiVersion = "2010-04-01";

    public static TwilioInboundMessage Sms(TwilioState state, Uri baseAddress, string from, string body, IReadOnlyList<TwilioMedia> media)
    {
        if (!from.StartsWith('+'))
        {
            throw new ArgumentException("An SMS sender is an E.164 number such as +15551234567.", nameof(from));
        }

        var to = state.Options.PhoneNumber;
        var keyword = TwilioKeywords.Classify(body);
        lock (state.Sync)
        {
            var sid = state.NewSid(media.Count > 0 ? "MM" : "SM");
            var (urls, mediaFields) = StoreMedia(state, baseAddress, sid, media);
            List<KeyValuePair<string, string>> form =
            [
                new("ToCountry", Country(to)), new("ToState", ""), new("SmsMessageSid", sid), new("NumMedia", Count(media.Count)),
                new("ToCity", ""), new("FromZip", ""), new("SmsSid", sid), new("FromState", ""), new("SmsStatus", "received"),
                new("FromCity", ""), new("Body", body), new("FromCountry", Country(from)), new("To", to),
                new("MessagingServiceSid", state.Options.MessagingServiceSid), new("ToZip", ""), new("NumSegments", Count(Segments(body))),
                new("MessageSid", sid), new("AccountSid", state.Options.AccountSid), new("From", from), new("ApiVersion", ApiVersion),
            ];
            form.AddRange(mediaFields);
            if (keyword is not null)
            {
                // Advanced Opt-Out adds OptOutType; the fake always does, so a receiver can see what Twilio acted on.
                form.Add(new("OptOutType", keyword));
            }

            if (keyword == "STOP")
            {
                state.OptedOut.Add(from);
            }
            else if (keyword == "START")
            {
                state.OptedOut.Remove(from);
            }

            state.LastInbound[from] = state.Options.TimeProvider.GetUtcNow();
            return new TwilioInboundMessage(sid, from, to, body, urls, form);
        }
    }

    public static TwilioInboundMessage WhatsApp(TwilioState state, Uri baseAddress, string from, string body, string profileName,
        IReadOnlyList<TwilioMedia> media, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        var number = from.StartsWith("whatsapp:", StringComparison.Ordinal) ? from["whatsapp:".Length..] : from;
        if (!number.StartsWith('+'))
        {
            throw new ArgumentException("A WhatsApp user is an E.164 number such as +15551234567 (or whatsapp:+15551234567).", nameof(from));
        }

        var address = "whatsapp:" + number;
        var to = "whatsapp:" + state.Options.WhatsAppNumber;
        lock (state.Sync)
        {
            var sid = state.NewSid(media.Count > 0 ? "MM" : "SM");
            var (urls, mediaFields) = StoreMedia(state, baseAddress, sid, media);
            var type = extra.FirstOrDefault(pair => pair.Key == "MessageType").Value
                ?? (media.Count > 0 ? MediaType(media[0].ContentType) : "text");
            List<KeyValuePair<string, string>> form =
            [
                new("SmsMessageSid", sid), new("NumMedia", Count(media.Count)), new("ProfileName", profileName),
                new("MessageType", type), new("SmsSid", sid), new("WaId", number[1..]), new("SmsStatus", "received"),
                new("Body", body), new("To", to), new("MessagingServiceSid", state.Options.MessagingServiceSid),
                new("NumSegments", "1"), new("ReferralNumMedia", "0"), new("MessageSid", sid),
                new("AccountSid", state.Options.AccountSid), new("From", address), new("ApiVersion", ApiVersion),
            ];
            form.AddRange(mediaFields);
            form.AddRange(extra.Where(pair => pair.Key != "MessageType"));
            state.LastInbound[address] = state.Options.TimeProvider.GetUtcNow();
            return new TwilioInboundMessage(sid, address, to, body, urls, form);
        }
    }

    private static (List<Uri> Urls, List<KeyValuePair<string, string>> Fields) StoreMedia(TwilioState state, Uri baseAddress,
        string messageSid, IReadOnlyList<TwilioMedia> media)
    {
        var urls = new List<Uri>();
        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < media.Count; i++)
        {
            var mediaSid = state.NewSid("ME");
            state.Media[mediaSid] = new TwilioStoredMedia(messageSid, mediaSid, media[i].ContentType, media[i].Content);
            var url = new Uri(baseAddress, $"2010-04-01/Accounts/{state.Options.AccountSid}/Messages/{messageSid}/Media/{mediaSid}");
            urls.Add(url);
            fields.Add(new($"MediaContentType{i}", media[i].ContentType));
            fields.Add(new($"MediaUrl{i}", url.AbsoluteUri));
        }

        return (urls, fields);
    }

    private static string MediaType(string contentType) => contentType.Split('/')[0] switch
    {
        "image" => "image",
        "audio" => "audio",
        "video" => "video",
        _ => "document",
    };

    /// <summary>SMS segments: 160 GSM-7 characters, or 153 each when split; 70 / 67 for UCS-2 text.</summary>
    public static int Segments(string body)
    {
        var gsm = body.All(c => c < 128);
        var (single, multi) = gsm ? (160, 153) : (70, 67);
        return body.Length <= single ? 1 : (body.Length + multi - 1) / multi;
    }

    // Twilio fills the geo fields from its number data; the fake knows only the country calling codes it uses.
    private static string Country(string number) => number.StartsWith("+1", StringComparison.Ordinal) ? "US"
        : number.StartsWith("+44", StringComparison.Ordinal) ? "GB"
        : number.StartsWith("+49", StringComparison.Ordinal) ? "DE"
        : "";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}

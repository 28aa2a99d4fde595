namespace Byoc.Connector.Channels.Twilio;

/// <summary>Twilio's address forms: E.164 for SMS, <c>whatsapp:+E164</c> for WhatsApp.</summary>
internal static class TwilioAddresses
{
    /// <summary>The WhatsApp prefix Twilio puts on <c>From</c> and <c>To</c>.</summary>
    public const string WhatsAppPrefix = "whatsapp:";

    /// <summary><paramref name="number"/> with the WhatsApp prefix, added once.</summary>
    public static string WhatsApp(string number) =>
        number.StartsWith(WhatsAppPrefix, StringComparison.Ordinal) ? number : WhatsAppPrefix + number;

    /// <summary>Whether <paramref name="value"/> is an E.164 number: <c>+</c> and 8 to 15 digits.</summary>
    public static bool IsE164(string? value) =>
        value is { Length: >= 9 and <= 16 } && value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
}

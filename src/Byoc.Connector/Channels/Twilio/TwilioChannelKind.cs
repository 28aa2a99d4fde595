namespace Byoc.Connector.Channels.Twilio;

/// <summary>Which Twilio product a channel speaks.</summary>
internal enum TwilioChannelKind
{
    /// <summary>SMS and MMS from a phone number or messaging service.</summary>
    Sms,

    /// <summary>WhatsApp from a WhatsApp sender: addresses are <c>whatsapp:+E164</c> and the 24-hour window applies.</summary>
    WhatsApp,
}

using Byoc.Connector.Channels.Sending;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>Twilio's text limit: a message <c>Body</c> is at most 1,600 characters (Messages resource, Body).</summary>
internal static class TwilioText
{
    /// <summary>The longest <c>Body</c> Twilio takes, for SMS and WhatsApp alike (error 21617 above it).</summary>
    public const int MaxLength = 1600;

    /// <summary>Parts of at most <see cref="MaxLength"/> characters (<see cref="TextParts.Split"/>).</summary>
    public static IReadOnlyList<string> Split(string text) => TextParts.Split(text, MaxLength);
}

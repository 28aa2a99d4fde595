using Byoc.Core.Messages;

namespace Byoc.Connector.Channels;

/// <summary>The configurable text of "you are now talking to …" notices; <c>{name}</c> is replaced by the participant's display name.</summary>
internal static class ParticipantNotices
{
    public const string DefaultJoined = "You are now talking to {name}.";

    public const string DefaultLeft = "{name} left the conversation.";

    public static string Render(OutboundMessage message, string joinedText, string leftText)
    {
        ArgumentNullException.ThrowIfNull(message);
        var template = message.ParticipantJoined == false ? leftText : joinedText;
        return template.Replace("{name}", string.IsNullOrWhiteSpace(message.SenderDisplayName) ? "an agent" : message.SenderDisplayName,
            StringComparison.Ordinal);
    }
}

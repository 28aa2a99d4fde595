namespace Byoc.Emulator.Conversations;

/// <summary>
/// What a partner registered for a channel through <c>PATCH /api/v1/capabilities</c>. The agent sends structured
/// content (choices, progress indicators) only where the channel registered it (interaction-service-api.md §5.4, §9).
/// </summary>
internal interface IChannelCapabilities
{
    /// <summary>True when the channel registered the message type with the format type (for example ChoicesMessage / Buttons).</summary>
    bool SupportsMessage(string channelAddressIdentifier, string messageType, string formatType);

    /// <summary>True when the channel registered <c>ProgressUpdateIndicator</c> progress indicators.</summary>
    bool SupportsProgressIndicators(string channelAddressIdentifier);
}

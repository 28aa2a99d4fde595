namespace Byoc.Connector.Channels.Meta;

/// <summary>One end user's customer-service window on a WhatsApp channel, as the admin API shows it.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="User">The end user's WhatsApp id.</param>
/// <param name="Open">Whether a free-form message may go now.</param>
/// <param name="LastMessageAt">Meta's time of the end user's last message; null when they never wrote.</param>
/// <param name="LastMessageId">That message's wamid.</param>
/// <param name="ClosesAt">When the window closes (or closed); null when it never opened.</param>
/// <param name="OutsideTheWindow">What a message gets while the window is closed: <c>template {name}</c> or <c>failure</c>.</param>
internal sealed record WhatsAppWindowState(
    string Channel,
    string User,
    bool Open,
    DateTimeOffset? LastMessageAt,
    string? LastMessageId,
    DateTimeOffset? ClosesAt,
    string OutsideTheWindow);

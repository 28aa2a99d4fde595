namespace Byoc.Core.Channels;

/// <summary>
/// The end-user client identifier Salesforce knows an end user by (<c>from</c> and <c>recipient.subject</c> of the
/// Interaction Service API, <c>MessagingEndUser.MessagingPlatformKey</c>): <c>{channel}:{platform user id}</c>, with
/// nothing hashed or encoded, so that a business can predict it from the platform's user id (to create a
/// MessagingEndUser before writing first) and the connector finds the channel and the platform user from the identifier
/// alone (a business-initiated message to an end user it has never seen).
/// </summary>
/// <param name="Channel">The configured channel name (no <c>:</c>, see <see cref="ChannelNames"/>).</param>
/// <param name="PlatformUserId">The platform's id of the end user, as the channel's adapter reports it.</param>
public readonly record struct EndUserIdentifier(string Channel, string PlatformUserId)
{
    /// <summary>
    /// The longest identifier: 240 characters, the smaller of Salesforce's limits on it (<c>from</c> at most 255,
    /// <c>endUserClientId</c> of a consent update at most 240; inbound-interaction-api.yaml). An identifier that does not
    /// fit is refused at the front door rather than hashed, since a hash could not be predicted or read back.
    /// </summary>
    public const int MaxLength = 240;

    /// <summary>The longest platform user id a channel of this name can carry.</summary>
    public static int MaxPlatformUserIdLength(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return MaxLength - channel.Length - 1;
    }

    /// <summary>Whether the identifier of this end user fits <see cref="MaxLength"/>.</summary>
    public bool Fits => PlatformUserId.Length > 0 && Channel.Length + 1 + PlatformUserId.Length <= MaxLength;

    /// <summary>The identifier: <c>{channel}:{platform user id}</c>.</summary>
    public override string ToString() => $"{Channel}:{PlatformUserId}";

    /// <summary>
    /// Reads an identifier back: the channel is everything before the first <c>:</c> (a channel name has none) and must
    /// be a valid name; the platform user id is the rest and must not be empty.
    /// </summary>
    public static bool TryParse(string? value, out EndUserIdentifier identifier)
    {
        var colon = value?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (value is null || colon <= 0 || colon == value.Length - 1 || !ChannelNames.IsValid(value[..colon]))
        {
            identifier = default;
            return false;
        }

        identifier = new EndUserIdentifier(value[..colon], value[(colon + 1)..]);
        return true;
    }
}

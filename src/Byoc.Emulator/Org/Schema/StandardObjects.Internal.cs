namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>Emulator-internal key prefix of <c>OrgSetting</c> (no Salesforce object uses it).</summary>
    public const string OrgSettingKeyPrefix = "0zS";

    /// <summary>Emulator-internal key prefix of <c>PendingInboundEntry</c> (no Salesforce object uses it).</summary>
    public const string PendingInboundEntryKeyPrefix = "0zP";

    /// <summary>
    /// Emulator-internal types, exposed by no API (<see cref="ApiSurface.None"/>): the org settings deployed as
    /// <c>Settings</c> metadata (see <see cref="Settings.OrgSettings"/>), and the end-user entries accepted but not yet
    /// handled (see <see cref="Interactions.PendingEntries"/>).
    /// </summary>
    private static IEnumerable<SObjectDefinition> Internal() =>
    [
        Define("OrgSetting", OrgSettingKeyPrefix)
            .Surface(ApiSurface.None)
            .String("Key", 255).String("Settings", 80).String("Field", 120).TextArea("Value", 32768)
            .Build(),
        // Text and Payload are unbounded (length 0): they hold what the API already accepted, whatever its size.
        Define("PendingInboundEntry", PendingInboundEntryKeyPrefix)
            .Surface(ApiSurface.None)
            .String("ConversationIdentifier", 255).String("ChannelAddressIdentifier", 255).String("EndUserClientIdentifier", 255)
            .String("MessagingChannelId", 18).String("MessagingEndUserId", 18).String("MessagingSessionId", 18)
            .String("EntryType", 80).String("EntryIdentifier", 255).TextArea("Text", 0).TextArea("Payload", 0)
            .Boolean("SessionCreated").DateTime("ReceivedAt").Boolean("Answered")
            .Build(),
    ];
}

using System.Text.Json.Nodes;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Interactions;

/// <summary>
/// The durable half of <see cref="InboundDispatcher"/>: an end-user message or attachment is marked pending (an
/// emulator-internal <c>PendingInboundEntry</c> record) in the same write that stores its ConversationEntry, and the mark
/// is deleted when its handlers have finished. At start-up every mark left by a crash or a stop mid-turn is dispatched
/// again, in acceptance order (record order), so a customer message the org accepted is answered even if the org died.
/// </summary>
/// <remarks>
/// <para>
/// Answered at most once: while an entry's handlers run, <see cref="Current"/> names its mark, and the outbound publisher
/// sets <c>Answered</c> on it in the same write that puts a message (the answer) into the transcript
/// (<see cref="MarkAnswered"/>). A mark found with <c>Answered</c> set is deleted at start-up without running the handlers
/// again. Acknowledgements, typing and progress indicators do not count as answers: they are repeated if the turn is.
/// </para>
/// <para>
/// What this does not cover: a crash between two replies of one turn drops the later replies (the turn counts as
/// answered); a crash between the transcript write and the event bus append (two databases) loses that one event, as
/// before; typing indicators are not made durable; the attachment's upload result (MessageUpdated) is not published
/// again for a recovered entry.
/// </para>
/// </remarks>
internal static class PendingEntries
{
    public const string ObjectName = "PendingInboundEntry";

    private static readonly AsyncLocal<string?> s_current = new();

    /// <summary>The mark of the entry whose handlers run on this async flow, or null.</summary>
    public static string? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>True for the entry types whose handlers answer (the ones worth recovering).</summary>
    public static bool IsDurable(string entryType) => entryType is "Message" or "AttachmentInteraction";

    /// <summary>Marks the entry pending in the write that stores it; returns the mark's id.</summary>
    public static string Mark(OrgWriter writer, InboundEntry entry)
    {
        var address = entry.Address;
        return writer.Insert(ObjectName, new Dictionary<string, object?>
        {
            ["ConversationIdentifier"] = address.ConversationIdentifier,
            ["ChannelAddressIdentifier"] = address.ChannelAddressIdentifier,
            ["EndUserClientIdentifier"] = address.EndUserClientIdentifier,
            ["MessagingChannelId"] = address.MessagingChannelId,
            ["MessagingEndUserId"] = address.MessagingEndUserId,
            ["MessagingSessionId"] = address.MessagingSessionId,
            ["EntryType"] = entry.EntryType,
            ["EntryIdentifier"] = entry.EntryIdentifier,
            ["Text"] = entry.Text,
            ["Payload"] = entry.Payload.ToJsonString(),
            ["SessionCreated"] = entry.SessionCreated,
            ["ReceivedAt"] = entry.ReceivedAt,
            ["Answered"] = false,
        }).Id;
    }

    /// <summary>Called inside the write that records an outbound message: the current entry now has its answer.</summary>
    public static void MarkAnswered(OrgWriter writer)
    {
        if (Current is { } id && writer.Get(id) is { } mark && !mark.GetBoolean("Answered"))
        {
            writer.Update(id, new Dictionary<string, object?> { ["Answered"] = true });
        }
    }

    /// <summary>Deletes the mark (the entry's handlers finished); a mark already gone is fine.</summary>
    public static void Clear(OrgStore store, string id) =>
        store.Write(writer =>
        {
            if (writer.Get(id) is not null)
            {
                writer.Delete(id);
            }
        });

    /// <summary>The marks left by the previous run, in acceptance order.</summary>
    public static IReadOnlyList<SObjectRecord> Left(OrgStore store) => store.Records(ObjectName);

    /// <summary>The entry a mark stands for.</summary>
    public static InboundEntry ToEntry(SObjectRecord mark) => new(
        new ConversationAddress(
            mark.GetString("ConversationIdentifier")!, mark.GetString("ChannelAddressIdentifier")!, mark.GetString("EndUserClientIdentifier")!,
            mark.GetString("MessagingChannelId")!, mark.GetString("MessagingEndUserId")!, mark.GetString("MessagingSessionId")!),
        mark.GetString("EntryType")!,
        mark.GetString("EntryIdentifier")!,
        mark.GetString("Text"),
        JsonNode.Parse(mark.GetString("Payload") ?? "{}") as JsonObject ?? [],
        mark.GetBoolean("SessionCreated"),
        mark.GetDateTime("ReceivedAt") ?? DateTimeOffset.MinValue);
}

using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Routing;
using Microsoft.Extensions.Options;

namespace Byoc.Emulator.Console;

/// <summary>
/// What a rep can do, behind the console page and the rep API: presence, the work list, accept, read the transcript,
/// reply, send a file, type, transfer back to the queue, end. Transitions go through <see cref="OmniChannel"/> inside the session's
/// <see cref="SessionGate"/>; what the partner sees goes out through <see cref="IConversationEvents"/> as the rep.
/// </summary>
internal sealed class RepConsole(
    OrgStore store,
    OmniChannel omniChannel,
    SessionGate gate,
    ConversationDirectory directory,
    RoutingAnnouncer announcer,
    ChannelSettings settings,
    InboundReceipts receipts,
    IConversationEvents events,
    IOptions<RoutingOptions> options)
{
    private static readonly HashSet<string> s_hiddenEntryTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "TypingStartedIndicator", "TypingStoppedIndicator", "ProgressIndicator", "DeliveryAcknowledgement", "ReadAcknowledgement",
        "RoutingWorkResult", "SessionStatusChanged",
    };

    public RepView View(SObjectRecord rep) =>
        new(rep.Id, rep.GetString("Username") ?? rep.Id, rep.GetString("Name") ?? rep.Id, omniChannel.PresenceOf(rep.Id));

    public WorkListView Work(SObjectRecord rep)
    {
        var queued = omniChannel.QueuedWork()
            .Select(psr => ToView(psr.GetString("WorkItemId")!, psr.GetString("GroupId"), psr.GetDateTime("CreatedDate"), psr.GetBoolean("IsTransfer")))
            .OfType<WorkView>().ToList();
        var mine = omniChannel.RepWork(rep.Id)
            .Select(work => ToView(work.GetString("WorkItemId")!, work.GetString("OriginalQueueId"), work.GetDateTime("AcceptDateTime"), false))
            .OfType<WorkView>().ToList();
        return new WorkListView(omniChannel.PresenceOf(rep.Id), options.Value.RepCapacity, queued, mine);
    }

    public async ValueTask<RoutingResult> AcceptAsync(SObjectRecord rep, string sessionId, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(sessionId, cancellationToken))
        {
            var result = omniChannel.Accept(sessionId, rep.Id);
            if (result.Succeeded && directory.Resolve(sessionId) is { } address)
            {
                await announcer.RepJoinedAsync(address, rep.Id, result, cancellationToken);
                await receipts.ReadAsync(address, Sender(rep), cancellationToken);
            }

            return result;
        }
    }

    public async ValueTask<TranscriptView?> TranscriptAsync(SObjectRecord rep, string sessionId, CancellationToken cancellationToken)
    {
        var session = store.Get(sessionId);
        if (session?.ObjectName != "MessagingSession")
        {
            return null;
        }

        var owner = omniChannel.OwnerOf(sessionId);
        var isMine = owner.Kind == SessionOwnerKind.Rep && owner.Id == rep.Id;
        if (isMine && directory.Resolve(sessionId) is { } address)
        {
            await receipts.ReadAsync(address, Sender(rep), cancellationToken);
        }

        var entries = store.Lookup("ConversationEntry", "ConversationId", sessionId)
            .Where(e => !s_hiddenEntryTypes.Contains(e.GetString("EntryType") ?? string.Empty))
            .OrderBy(e => e.GetDateTime("EntryTime") ?? e.GetDateTime("CreatedDate")).ThenBy(e => e.Sequence)
            .Select(e => new TranscriptEntryView(e.Id, e.GetString("ActorType"), e.GetString("ActorName"), e.GetString("Message"),
                e.GetString("EntryType"), e.GetDateTime("EntryTime") ?? e.GetDateTime("CreatedDate"), e.GetString("MessageStatus")))
            .ToList();
        return new TranscriptView(sessionId, session.GetString("Status") ?? "New", session.GetString("AgentType"), session.GetString("OwnerId"),
            EndUserName(session), isMine, entries);
    }

    /// <summary>Publishes the rep's message; null when the rep does not own the session.</summary>
    public async ValueTask<string?> ReplyAsync(SObjectRecord rep, string sessionId, string text, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(sessionId, cancellationToken))
        {
            if (OwnedAddress(rep, sessionId) is not { } address)
            {
                return null;
            }

            return await events.PublishAsync(new TextMessageEvent(address, Sender(rep), text), cancellationToken);
        }
    }

    /// <summary>
    /// Stores the file (with <paramref name="store"/>, once the rep is known to own the session) and publishes it as the rep's attachment message (<c>StaticContentMessage</c> / <c>Attachments</c>
    /// with a download URL on the instance); null when the rep does not own the session.
    /// </summary>
    public async ValueTask<string?> SendFileAsync(SObjectRecord rep, string sessionId, Func<CancellationToken, Task<OutboundAttachment>> store,
        string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        using (await gate.EnterAsync(sessionId, cancellationToken))
        {
            if (OwnedAddress(rep, sessionId) is not { } address)
            {
                return null;
            }

            var attachment = await store(cancellationToken);
            return await events.PublishAsync(new AttachmentMessageEvent(address, Sender(rep), text, [attachment]), cancellationToken);
        }
    }

    /// <summary>Publishes a typing indicator (unless the channel disabled them); false when the rep does not own the session.</summary>
    public async ValueTask<bool> TypingAsync(SObjectRecord rep, string sessionId, bool started, CancellationToken cancellationToken)
    {
        if (OwnedAddress(rep, sessionId) is not { } address)
        {
            return false;
        }

        if (settings.TypingIndicators(address.MessagingChannelId))
        {
            await events.PublishAsync(new TypingEvent(address, Sender(rep), started), cancellationToken);
        }

        return true;
    }

    public async ValueTask<RoutingResult> TransferAsync(SObjectRecord rep, string sessionId, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(sessionId, cancellationToken))
        {
            var result = omniChannel.Transfer(sessionId, rep.Id);
            if (result.Succeeded && directory.Resolve(sessionId) is { } address)
            {
                await announcer.RepLeftAsync(address, rep.Id, result, "Transferred", cancellationToken);
            }

            return result;
        }
    }

    public async ValueTask<RoutingResult> EndAsync(SObjectRecord rep, string sessionId, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(sessionId, cancellationToken))
        {
            var result = omniChannel.End(sessionId, "Agent", userId: rep.Id);
            if (result.Succeeded && directory.Resolve(sessionId) is { } address)
            {
                await announcer.RepLeftAsync(address, rep.Id, result, "Closed", cancellationToken);
            }

            return result;
        }
    }

    private ConversationAddress? OwnedAddress(SObjectRecord rep, string sessionId) =>
        omniChannel.OwnerOf(sessionId) is { Kind: SessionOwnerKind.Rep } owner && owner.Id == rep.Id ? directory.Resolve(sessionId) : null;

    private static EventSender Sender(SObjectRecord rep) => EventSender.Rep(rep.Id, rep.GetString("Name") ?? rep.Id);

    private WorkView? ToView(string sessionId, string? queueId, DateTimeOffset? since, bool isTransfer)
    {
        if (store.Get(sessionId) is not { } session)
        {
            return null;
        }

        var last = store.Lookup("ConversationEntry", "ConversationId", sessionId)
            .LastOrDefault(e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") is not null);
        return new WorkView(sessionId, session.GetString("Status") ?? "New", session.GetString("AgentType"), queueId,
            queueId is null ? null : store.Get(queueId)?.GetString("Name"), EndUserName(session), last?.GetString("Message"),
            since ?? session.GetDateTime("CreatedDate")!.Value, isTransfer);
    }

    private string EndUserName(SObjectRecord session) =>
        session.GetString("MessagingEndUserId") is { } id && store.Get(id) is { } endUser
            ? endUser.GetString("Name") ?? endUser.GetString("MessagingPlatformKey") ?? id
            : "Customer";
}

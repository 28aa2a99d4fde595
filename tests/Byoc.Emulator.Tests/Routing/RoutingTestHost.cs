using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Byoc.Emulator.Console;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Routing;

/// <summary>
/// A seeded in-memory org with routing, the agents and the rep console, hosted in a small WebApplication. It plays the
/// Interaction Service API's part for inbound entries (records, then every handler) and records what gets published.
/// </summary>
internal sealed class RoutingTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private LoopbackServer? _server;

    private RoutingTestHost(WebApplication app, FakeTimeProvider time)
    {
        _app = app;
        Time = time;
        Store = app.Services.GetRequiredService<OrgStore>();
        Events = (RecordingEvents)app.Services.GetRequiredService<IConversationEvents>();
        Capabilities = (FakeCapabilities)app.Services.GetRequiredService<IChannelCapabilities>();
        Channel = Store.Records("MessagingChannel")[0];
    }

    public FakeTimeProvider Time { get; }

    public OrgStore Store { get; }

    public RecordingEvents Events { get; }

    public FakeCapabilities Capabilities { get; }

    public SObjectRecord Channel { get; }

    public IServiceProvider Services => _app.Services;

    public Uri BaseAddress => _server?.BaseAddress ?? throw new InvalidOperationException("Call StartAsync first.");

    public static RoutingTestHost Create(Dictionary<string, string?>? settings = null, Action<OrgStore>? arrange = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Agents:ThinkTime"] = "00:00:00" });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), time);
        OrgSeeder.SeedIfEmpty(store, SeedProfile.Complete);
        arrange?.Invoke(store);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IConversationEvents>(new RecordingEvents(store));
        builder.Services.AddSingleton<IChannelCapabilities>(new FakeCapabilities());
        builder.Services.AddRepConsole();
        var app = builder.Build();
        app.MapRepConsole();
        return new RoutingTestHost(app, time);
    }

    public async Task StartAsync(CancellationToken cancellationToken) => _server = await LoopbackServer.StartAsync(_app, cancellationToken);

    public HttpClient CreateClient(string? repUsername = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (repUsername is not null)
        {
            client.DefaultRequestHeaders.Add(RepIdentity.HeaderName, repUsername);
        }

        return client;
    }

    public string RepId(string username) => Store.Lookup("User", "Username", username)[0].Id;

    public SObjectRecord Session(string sessionId) => Store.Get(sessionId)!;

    public IReadOnlyList<SObjectRecord> Work(string sessionId) => Store.Lookup("AgentWork", "WorkItemId", sessionId);

    public IReadOnlyList<SObjectRecord> PendingRouting(string sessionId) => Store.Lookup("PendingServiceRouting", "WorkItemId", sessionId);

    /// <summary>What the Interaction Service API does for an end-user message: records, then every handler, in order.</summary>
    public async Task<InboundEntry> SendAsync(string text, string endUser = "end-user-1", CancellationToken cancellationToken = default)
    {
        var entry = Record(text, endUser);
        foreach (var handler in _app.Services.GetServices<IInboundEntryHandler>())
        {
            await handler.HandleAsync(entry, cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return entry;
    }

    /// <summary>Only the records of an end-user message (for tests that call the handler themselves).</summary>
    public InboundEntry Record(string text, string endUser = "end-user-1")
    {
        var entryId = Guid.NewGuid().ToString();
        var (address, created) = Store.Write(w =>
        {
            var endUserRecord = w.Lookup("MessagingEndUser", "MessagingPlatformKey", endUser) is [var existing, ..]
                ? existing
                : w.Insert("MessagingEndUser", Fields(("Name", endUser), ("MessagingChannelId", Channel.Id), ("MessageType", "Custom"),
                    ("MessagingPlatformKey", endUser), ("MessagingConsentStatus", "ImplicitlyOptedIn")));
            var session = w.Lookup("MessagingSession", "MessagingEndUserId", endUserRecord.Id).LastOrDefault(s => s.GetString("Status") != "Ended");
            var created = session is null;
            if (session is null)
            {
                var conversation = w.Insert("Conversation", Fields(("ConversationIdentifier", Guid.NewGuid().ToString()), ("ConversationChannelId", Channel.Id)));
                session = w.Insert("MessagingSession", Fields(("MessagingChannelId", Channel.Id), ("MessagingEndUserId", endUserRecord.Id),
                    ("ConversationId", conversation.Id), ("Origin", "InboundInitiated"), ("ChannelType", "Custom")));
            }

            w.Insert("ConversationEntry", Fields(("ConversationId", session.Id), ("ActorType", "EndUser"), ("ActorId", endUserRecord.Id),
                ("ActorName", endUser), ("Message", text), ("EntryType", "Text"), ("EntryTime", w.Now), ("MessageIdentifier", entryId)));
            var conversationIdentifier = w.Get(session.GetString("ConversationId")!)!.GetString("ConversationIdentifier")!;
            return (new ConversationAddress(conversationIdentifier, Channel.GetString("ChannelAddressIdentifier")!, endUser, Channel.Id,
                endUserRecord.Id, session.Id), created);
        });
        return new InboundEntry(address, "Message", entryId, text, new JsonObject { ["id"] = entryId }, created, Time.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        else
        {
            await _app.DisposeAsync();
        }

        Store.Dispose();
    }

    private static Dictionary<string, object?> Fields(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>Records what is published and writes the transcript row the real publisher writes (ActorType from the sender role).</summary>
    internal sealed class RecordingEvents(OrgStore store) : IConversationEvents
    {
        private readonly ConcurrentQueue<ConversationEvent> _published = new();

        public IReadOnlyList<ConversationEvent> Published => [.. _published];

        public IReadOnlyList<T> OfType<T>() where T : ConversationEvent => [.. _published.OfType<T>()];

        public IReadOnlyList<string> Texts(string role) =>
            [.. _published.Where(e => e.Sender.Role == role).Select(e => e switch
            {
                TextMessageEvent t => t.Text,
                ChoicesMessageEvent c => c.Text,
                _ => null,
            }).OfType<string>()];

        public void Clear() => _published.Clear();

        public ValueTask<string> PublishAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
        {
            var identifier = Guid.NewGuid().ToString();
            var (entryType, message) = conversationEvent switch
            {
                TextMessageEvent t => ("Text", t.Text),
                ChoicesMessageEvent c => ("Choices", c.Text),
                TypingEvent t => (t.Started ? "TypingStartedIndicator" : "TypingStoppedIndicator", null),
                ProgressIndicatorEvent p => ("ProgressIndicator", p.Text),
                ParticipantChangedEvent p => ("ParticipantChanged", string.Join("; ", p.Changes.Select(c => $"{c.Operation} {c.DisplayName}"))),
                SessionStatusChangedEvent s => ("SessionStatusChanged", s.Status),
                RoutingWorkResultEvent r => ("RoutingWorkResult", r.WorkType),
                AcknowledgementEvent a => (a.Kind == AcknowledgementKind.Read ? "ReadAcknowledgement" : "DeliveryAcknowledgement", null),
                _ => ("Text", null),
            };
            var sender = conversationEvent.Sender;
            store.Write(w => w.Insert("ConversationEntry", Fields(
                ("ConversationId", conversationEvent.Address.MessagingSessionId),
                ("ActorType", sender.Role switch { "Chatbot" => "Bot", "Agent" => "Agent", _ => "System" }),
                ("ActorId", SalesforceId.TryNormalize(sender.Subject, out var id) ? id : null), ("ActorName", sender.DisplayName),
                ("Message", message), ("EntryType", entryType), ("EntryTime", w.Now), ("MessageIdentifier", identifier),
                ("MessageStatus", entryType is "Text" or "Choices" ? "Sent" : null))));
            _published.Enqueue(conversationEvent);
            return ValueTask.FromResult(identifier);
        }
    }

    /// <summary>Capabilities a test sets: choices formats and progress indicators.</summary>
    internal sealed class FakeCapabilities : IChannelCapabilities
    {
        public HashSet<string> Formats { get; } = new(StringComparer.Ordinal);

        public bool ProgressIndicators { get; set; }

        public bool SupportsMessage(string channelAddressIdentifier, string messageType, string formatType) =>
            Formats.Contains($"{messageType}/{formatType}");

        public bool SupportsProgressIndicators(string channelAddressIdentifier) => ProgressIndicators;
    }
}

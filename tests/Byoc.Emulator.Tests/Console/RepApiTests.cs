using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Tests.Routing;

namespace Byoc.Emulator.Tests.Console;

public sealed class RepApiTests
{
    private static readonly string s_alex = SeededOrg.Reps[0].Username;
    private static readonly string s_sam = SeededOrg.Reps[1].Username;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepApi_FifteenCharacterSessionId_AcceptsRepliesAndEndsTheSameSession()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var rep = host.CreateClient(s_alex);
        var entry = await host.SendAsync("I want to speak to a human", cancellationToken: Token);
        var sessionId = entry.Address.MessagingSessionId;
        var shortId = sessionId[..15];
        (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).EnsureSuccessStatusCode();

        var accepted = await rep.PostAsync($"/console/api/work/{shortId}/accept", null, Token);
        var sent = await rep.PostAsJsonAsync($"/console/api/sessions/{shortId}/messages", new { text = "Hello" }, Token);
        var ended = await rep.PostAsync($"/console/api/sessions/{shortId}/end", null, Token);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent), (accepted.StatusCode, sent.StatusCode, ended.StatusCode));
        Assert.All(host.Work(sessionId), w => Assert.Equal(sessionId, w.GetString("WorkItemId")));
        Assert.Equal(2, host.Work(sessionId).Count);
        Assert.Equal("Ended", host.Session(sessionId).GetString("Status"));
    }

    [Fact]
    public async Task RepApi_EscalatedSession_RepAcceptsRepliesAndEnds()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var rep = host.CreateClient(s_alex);
        var alexId = host.RepId(s_alex);
        var entry = await host.SendAsync("I want to speak to a human", cancellationToken: Token);
        var sessionId = entry.Address.MessagingSessionId;

        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token)).StatusCode);
        var presence = Assert.Single(host.Store.Lookup("UserServicePresence", "UserId", alexId));
        Assert.True(presence.GetBoolean("IsCurrentState"));
        Assert.Equal(3L, presence.GetLong("ConfiguredCapacity"));
        var work = await rep.GetFromJsonAsync<JsonElement>("/console/api/work", Token);
        Assert.Equal(sessionId, work.GetProperty("queued")[0].GetProperty("sessionId").GetString());

        var accepted = await rep.PostAsync($"/console/api/work/{sessionId}/accept", null, Token);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var session = host.Session(sessionId);
        Assert.Equal(("Active", "BotToAgent", alexId), (session.GetString("Status"), session.GetString("AgentType"), session.GetString("OwnerId")));
        Assert.Equal(host.Time.GetUtcNow(), session.GetDateTime("AcceptTime"));
        Assert.Empty(host.PendingRouting(sessionId));
        var repWork = host.Work(sessionId)[^1];
        Assert.Equal(("Opened", alexId, host.Channel.GetString("FallbackQueueId")),
            (repWork.GetString("Status"), repWork.GetString("UserId"), repWork.GetString("OriginalQueueId")));
        Assert.Null(repWork.GetString("BotId"));
        Assert.NotNull(repWork.GetDateTime("AcceptDateTime"));
        var added = host.Events.OfType<ParticipantChangedEvent>()[^1].Changes[0];
        Assert.Equal(("add", "Agent", alexId, "Alex Rivera"), (added.Operation, added.Role, added.Subject, added.DisplayName));
        var transcript = await accepted.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains(transcript.GetProperty("entries").EnumerateArray(), e => e.GetProperty("message").GetString() == "I want to speak to a human");

        Assert.Equal(HttpStatusCode.NoContent, (await rep.PostAsJsonAsync($"/console/api/sessions/{sessionId}/typing", new { started = true }, Token)).StatusCode);
        var sent = await rep.PostAsJsonAsync($"/console/api/sessions/{sessionId}/messages", new { text = "Hi, I'm Alex. How can I help?" }, Token);

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.True(Assert.Single(host.Events.OfType<TypingEvent>()).Started);
        var reply = host.Events.OfType<TextMessageEvent>()[^1];
        Assert.Equal((EventSender.Rep(alexId, "Alex Rivera"), "Hi, I'm Alex. How can I help?"), (reply.Sender, reply.Text));
        var repEntry = host.Store.Lookup("ConversationEntry", "ConversationId", sessionId)
            .Single(e => e.GetString("Message") == "Hi, I'm Alex. How can I help?");
        Assert.Equal(("Agent", alexId, "Alex Rivera"), (repEntry.GetString("ActorType"), repEntry.GetString("ActorId"), repEntry.GetString("ActorName")));

        host.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NoContent, (await rep.PostAsync($"/console/api/sessions/{sessionId}/end", null, Token)).StatusCode);

        session = host.Session(sessionId);
        Assert.Equal(("Ended", "Agent", host.Time.GetUtcNow()), (session.GetString("Status"), session.GetString("EndedByType"), session.GetDateTime("EndTime")));
        Assert.All(host.Work(sessionId), w => Assert.Equal("Closed", w.GetString("Status")));
        Assert.Equal("Closed", host.Events.OfType<RoutingWorkResultEvent>()[^1].WorkType);
        var participants = host.Store.Lookup("ConversationParticipant", "ConversationId", session.GetString("ConversationId")!);
        Assert.Equal([("Chatbot", host.Store.Records("BotDefinition")[0].Id), ("Agent", alexId)],
            participants.Select(p => (p.GetString("ParticipantRole"), p.GetString("ParticipantEntityId"))));
        Assert.All(participants, p => Assert.NotNull(p.GetDateTime("LeftTime")));
        Assert.Equal(("Ended", "Agent"), (host.Events.OfType<SessionStatusChangedEvent>()[^1].Status, host.Events.OfType<SessionStatusChangedEvent>()[^1].EndedByRole));
        Assert.Equal(HttpStatusCode.Conflict, (await rep.PostAsJsonAsync($"/console/api/sessions/{sessionId}/messages", new { text = "late" }, Token)).StatusCode);
    }

    [Fact]
    public async Task Accept_TwoRepsConcurrently_ExactlyOneWinsOtherGets409()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var alex = host.CreateClient(s_alex);
        using var sam = host.CreateClient(s_sam);
        var entry = await host.SendAsync("agent please", cancellationToken: Token);
        var sessionId = entry.Address.MessagingSessionId;
        await alex.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);
        await sam.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);

        var responses = await Task.WhenAll(
            alex.PostAsync($"/console/api/work/{sessionId}/accept", null, Token),
            sam.PostAsync($"/console/api/work/{sessionId}/accept", null, Token)).WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Already accepted", (await loser.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("title").GetString());
        Assert.Single(host.Work(sessionId), w => w.GetString("BotId") is null);
    }

    [Fact]
    public async Task Accept_ManyRacesInProcess_AlwaysExactlyOneWinner()
    {
        await using var host = RoutingTestHost.Create();
        var omni = host.Services.GetService(typeof(Byoc.Emulator.Routing.OmniChannel)) as Byoc.Emulator.Routing.OmniChannel;
        var reps = new[] { host.RepId(s_alex), host.RepId(s_sam) };
        foreach (var rep in reps)
        {
            omni!.SetPresence(rep, "Available");
        }

        for (var i = 0; i < 20; i++)
        {
            var entry = await host.SendAsync("human", $"race-{i}", Token);
            var results = await Task.WhenAll(reps.Select(rep => Task.Run(() => omni!.Accept(entry.Address.MessagingSessionId, rep), Token)));
            Assert.Single(results, r => r.Succeeded);
            omni!.End(entry.Address.MessagingSessionId, "Agent");
        }
    }

    [Fact]
    public async Task Accept_NotAvailableOrAtCapacity_Returns409()
    {
        await using var host = RoutingTestHost.Create(new() { ["Routing:RepCapacity"] = "1" });
        await host.StartAsync(Token);
        using var rep = host.CreateClient(s_alex);
        var first = await host.SendAsync("human please", "customer-a", Token);
        var second = await host.SendAsync("human please", "customer-b", Token);

        var offline = await rep.PostAsync($"/console/api/work/{first.Address.MessagingSessionId}/accept", null, Token);
        await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);
        var accepted = await rep.PostAsync($"/console/api/work/{first.Address.MessagingSessionId}/accept", null, Token);
        var full = await rep.PostAsync($"/console/api/work/{second.Address.MessagingSessionId}/accept", null, Token);

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.OK, HttpStatusCode.Conflict), (offline.StatusCode, accepted.StatusCode, full.StatusCode));
        Assert.Equal("At capacity", (await full.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Transfer_RepHandsBack_SessionWaitsAgainAndOtherRepAccepts()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var alex = host.CreateClient(s_alex);
        using var sam = host.CreateClient(s_sam);
        var entry = await host.SendAsync("talk to a person", cancellationToken: Token);
        var sessionId = entry.Address.MessagingSessionId;
        await alex.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);
        await sam.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);
        await alex.PostAsync($"/console/api/work/{sessionId}/accept", null, Token);

        Assert.Equal(HttpStatusCode.NoContent, (await alex.PostAsync($"/console/api/sessions/{sessionId}/transfer", null, Token)).StatusCode);

        var session = host.Session(sessionId);
        Assert.Equal(("Waiting", host.Channel.GetString("FallbackQueueId")), (session.GetString("Status"), session.GetString("OwnerId")));
        Assert.True(Assert.Single(host.PendingRouting(sessionId)).GetBoolean("IsTransfer"));
        Assert.Contains(host.Work(sessionId), w => w.GetString("Status") == "Transferred");
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"/console/api/work/{sessionId}/accept", null, Token)).StatusCode);
        Assert.Equal(host.RepId(s_sam), host.Session(sessionId).GetString("OwnerId"));
    }

    [Fact]
    public async Task SignIn_Cookie_IdentifiesRepAndUnknownOrMissingRepIsRejected()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/console/api/me", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/console/api/signin", new { username = "nobody@x" }, Token)).StatusCode);
        var reps = await client.GetFromJsonAsync<JsonElement>("/console/api/reps", Token);
        Assert.Contains(reps.EnumerateArray(), r => r.GetProperty("username").GetString() == s_sam);
        Assert.DoesNotContain(reps.EnumerateArray(), r => r.GetProperty("username").GetString()!.StartsWith("reservation.agent", StringComparison.Ordinal));

        var signIn = await client.PostAsJsonAsync("/console/api/signin", new { username = s_sam }, Token);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/api/me");
        request.Headers.Add("Cookie", cookie);
        var me = await (await client.SendAsync(request, Token)).Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(("Sam Chen", "Offline"), (me.GetProperty("name").GetString(), me.GetProperty("presence").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/missing.js", Token)).StatusCode);
    }

    [Fact]
    public async Task Receipts_MessagesWhileQueuedAndWithRep_DeliveredOnArrivalReadWhenRepReads()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var rep = host.CreateClient(s_alex);
        var alexId = host.RepId(s_alex);
        var escalation = await host.SendAsync("human please", cancellationToken: Token);
        var queued = await host.SendAsync("hello?", cancellationToken: Token);
        await rep.PutAsJsonAsync("/console/api/presence", new { status = "Available" }, Token);
        host.Events.Clear();

        await rep.PostAsync($"/console/api/work/{escalation.Address.MessagingSessionId}/accept", null, Token);
        var withRep = await host.SendAsync("are you there?", cancellationToken: Token);
        await rep.GetAsync($"/console/api/sessions/{escalation.Address.MessagingSessionId}/transcript", Token);

        var receipts = host.Events.OfType<AcknowledgementEvent>().Select(a => (a.Kind, a.AcknowledgedEntryIdentifier, a.Sender.Subject));
        Assert.Equal(
        [
            (AcknowledgementKind.Read, queued.EntryIdentifier, alexId),
            (AcknowledgementKind.Delivered, withRep.EntryIdentifier, alexId),
            (AcknowledgementKind.Read, withRep.EntryIdentifier, alexId),
        ], receipts);
    }

    [Fact]
    public async Task Events_RecordsChange_StreamsChangeEventNamingTheSession()
    {
        await using var host = RoutingTestHost.Create();
        await host.StartAsync(Token);
        using var client = host.CreateClient(s_alex);
        using var response = await client.GetAsync("/console/api/events", HttpCompletionOption.ResponseHeadersRead, Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event: ready", await reader.ReadLineAsync(Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token));

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(Token).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Token);
        }
        while (line is not null && !line.StartsWith("data: {\"objects\":[\"ConversationEntry\"", StringComparison.Ordinal));

        Assert.Contains(entry.Address.MessagingSessionId, line, StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using Byoc.Setup.Org;

namespace Byoc.Setup.Verify;

/// <summary>
/// The guide's Definition of Done, end to end: a test end user talks to the agent through the running connector, and
/// the org's records (MessagingSession, AgentWork, ConversationEntry) and the channel's deliveries are checked; then the
/// user asks for a human and the session must move to the fallback queue. Transcripts are read from ConversationEntry
/// (the guide's MessagingEvent object does not exist).
/// </summary>
public sealed class VerifyRunner(OrgClient org, HttpClient http, VerifyOptions options, TimeProvider time)
{
    /// <summary>The test end user's first message.</summary>
    public const string FirstMessage = "Hello! What are your opening hours?";
    /// <summary>The message that asks for a human.</summary>
    public const string EscalationMessage = "I want to speak to a human, please.";

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(250);

    private readonly WebhookSender _sender = new(http, options, time);
    private JsonObject? _channel;
    private JsonObject? _session;
    private string? _agentId;
    private int _repliesBeforeEscalation;

    /// <summary>Runs the test conversation, reporting each result to <paramref name="progress"/> as it is known.</summary>
    public async Task<IReadOnlyList<VerifyResult>> RunAsync(Action<VerifyResult>? progress, CancellationToken cancellationToken)
    {
        var steps = new (string Name, string Title, Func<CancellationToken, Task<(bool, string)>> Run)[]
        {
            ("connector", "Connector healthy", HealthAsync),
            ("channel", "BYOC channel active (MessageType Custom)", ChannelAsync),
            ("send", "End user's message accepted by the connector", ct => SendAsync(FirstMessage, ct)),
            ("agent-reply", "Agent's reply delivered back through the channel", AgentReplyAsync),
            ("session", "MessagingSession on the channel, handled by the agent", SessionAsync),
            ("agent-work", "AgentWork assigns the session to the agent", AgentWorkAsync),
            ("transcript", "Transcript (ConversationEntry) has both sides", TranscriptAsync),
            ("escalate", "Escalation request accepted", ct => SendAsync(EscalationMessage, ct)),
            ("fallback-queue", "Escalated session moved to the fallback queue", EscalatedAsync),
            ("escalation-reply", "Hand-over message delivered back through the channel", EscalationReplyAsync),
        };
        var results = new List<VerifyResult>();
        var failed = false;
        foreach (var (name, title, run) in steps)
        {
            VerifyResult result;
            if (failed)
            {
                result = new VerifyResult(name, title, false, "not run: an earlier step failed", TimeSpan.Zero);
            }
            else
            {
                var started = time.GetTimestamp();
                bool passed;
                string evidence;
                try
                {
                    (passed, evidence) = await run(cancellationToken);
                }
                catch (Exception ex) when (ex is OrgApiException or HttpRequestException or TimeoutException)
                {
                    (passed, evidence) = (false, ex.Message);
                }

                result = new VerifyResult(name, title, passed, evidence, time.GetElapsedTime(started));
                failed = !passed;
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }

    /// <summary>
    /// Takes the test conversation out of the org's queues: deletes the session's PendingServiceRouting records (what an
    /// Omni-Channel queue offers to people), so no person is offered a test conversation after the run. No documented
    /// API lets a partner end a BYOC messaging session (the Interaction Service API's
    /// <c>POST /messagingSession</c> serves Contact Center channels only), so the session itself ends by the channel's
    /// inactivity timeout, as any abandoned conversation does. Runs after a failed run too.
    /// </summary>
    public async Task<VerifyCleanup> CleanUpAsync(CancellationToken cancellationToken)
    {
        string? sessionId = null;
        string? endUserRecordId = null;
        var removed = new List<string>();
        try
        {
            var session = await SessionOrNullAsync(cancellationToken);
            sessionId = session?.Str("Id");
            endUserRecordId = session?.Str("MessagingEndUserId");
            if (sessionId is not null)
            {
                var routings = await org.QueryAsync($"SELECT Id FROM PendingServiceRouting WHERE WorkItemId={Soql.Quote(sessionId)}", cancellationToken: cancellationToken);
                foreach (var id in routings.Select(r => r.Str("Id")).OfType<string>())
                {
                    await org.DeleteAsync("PendingServiceRouting", id, cancellationToken);
                    removed.Add(id);
                }
            }

            return new VerifyCleanup(options.EndUserId, endUserRecordId, sessionId, removed, null);
        }
        catch (Exception ex) when (ex is OrgApiException or HttpRequestException)
        {
            return new VerifyCleanup(options.EndUserId, endUserRecordId, sessionId, removed, ex.Message);
        }
    }

    private async Task<(bool, string)> HealthAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(options.ConnectorUrl, "/healthz/ready"), cancellationToken);
        return (response.IsSuccessStatusCode, $"GET /healthz/ready → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private async Task<(bool, string)> ChannelAsync(CancellationToken cancellationToken)
    {
        _channel = (await org.QueryAsync(
            "SELECT Id, MessageType, IsActive, SessionHandlerId, FallbackQueueId FROM MessagingChannel " +
            $"WHERE DeveloperName={Soql.Quote(options.Channel)}", cancellationToken: cancellationToken)).FirstOrNull();
        var bots = await org.QueryAsync($"SELECT Id FROM BotDefinition WHERE DeveloperName={Soql.Quote(options.Agent)}", cancellationToken: cancellationToken);
        _agentId = bots.FirstOrNull()?.Str("Id");
        return _channel is null
            ? (false, $"No MessagingChannel {options.Channel}; run byoc setup.")
            : (_channel.Str("MessageType") == "Custom" && _channel.Bool("IsActive"),
                $"{options.Channel} ({_channel.Str("Id")}) MessageType={_channel.Str("MessageType")}, IsActive={_channel.Bool("IsActive")}");
    }

    private async Task<(bool, string)> SendAsync(string text, CancellationToken cancellationToken)
    {
        var (status, body) = await _sender.SendTextAsync(text, cancellationToken);
        return (status == 202, $"POST /webhooks/{options.WebhookChannel} as {options.EndUserId}: \"{text}\" → {status} {body}");
    }

    private async Task<(bool, string)> AgentReplyAsync(CancellationToken cancellationToken)
    {
        if (options.SinkUrl is not { } sink)
        {
            var entry = await WaitAsync(async ct => await SessionOrNullAsync(ct) is { } s ? (await EntriesAsync(s, ct)).FirstOrDefault(e => e.Str("ActorType") is "Bot" or "Agent") : null, cancellationToken);
            return entry is null
                ? (false, $"No agent entry in the transcript within {options.Timeout.TotalSeconds:0} s.")
                : (true, $"Agent answered \"{entry.Str("Message")}\" (no --sink-url: delivery to the platform not observed).");
        }

        var reader = new SinkReader(http, sink, options.EndUserId);
        var replies = await WaitAsync(async ct => await reader.MessagesAsync(ct) is { Count: > 0 } found ? found : null, cancellationToken);
        _repliesBeforeEscalation = replies?.Count ?? 0;
        return replies is null
            ? (false, $"Nothing delivered to {options.EndUserId} at {sink} within {options.Timeout.TotalSeconds:0} s.")
            : (true, $"{replies[0].Str("sender")}: \"{replies[0].Str("text")}\"");
    }

    private async Task<(bool, string)> SessionAsync(CancellationToken cancellationToken)
    {
        _session = await WaitAsync(async ct => await SessionOrNullAsync(ct) is { } s && s.Str("AgentType") is not null ? s : null, cancellationToken);
        if (_session is null)
        {
            return (false, $"No MessagingSession for {options.EndUserId} within {options.Timeout.TotalSeconds:0} s.");
        }

        var evidence = $"{_session.Str("Id")}: Status={_session.Str("Status")}, AgentType={_session.Str("AgentType")}, OwnerId={_session.Str("OwnerId")}, channel {_session.Str("MessagingChannelId")}";
        var onChannel = JsonFields.SameId(_session.Str("MessagingChannelId"), _channel?.Str("Id"));
        return (onChannel && _session.Str("Status") == "Active" && _session.Str("AgentType") == "Bot", evidence);
    }

    private async Task<(bool, string)> AgentWorkAsync(CancellationToken cancellationToken)
    {
        var work = await org.QueryAsync(
            $"SELECT Id, WorkItemId, BotId, Status FROM AgentWork WHERE WorkItemId={Soql.Quote(_session!.Str("Id")!)}", cancellationToken: cancellationToken);
        var botWork = work.FirstOrDefault(w => JsonFields.SameId(w.Str("BotId"), _agentId));
        return botWork is null
            ? (false, $"{work.Count} AgentWork for the session, none with BotId = {options.Agent} ({_agentId}).")
            : (true, $"AgentWork {botWork.Str("Id")} BotId={botWork.Str("BotId")} ({options.Agent}), Status={botWork.Str("Status")}");
    }

    private async Task<(bool, string)> TranscriptAsync(CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(_session!, cancellationToken);
        var endUser = entries.Count(e => e.Str("ActorType") == "EndUser");
        var agent = entries.Count(e => e.Str("ActorType") is "Bot" or "Agent");
        return (endUser > 0 && agent > 0, $"{entries.Count} entries: {endUser} from the end user, {agent} from the agent.");
    }

    private async Task<(bool, string)> EscalatedAsync(CancellationToken cancellationToken)
    {
        var queueId = _channel!.Str("FallbackQueueId");
        var session = await WaitAsync(async ct => await SessionOrNullAsync(ct) is { } s && JsonFields.SameId(s.Str("OwnerId"), queueId) ? s : null, cancellationToken);
        return session is null
            ? (false, $"The session's owner did not become the fallback queue {queueId ?? "(none set)"} within {options.Timeout.TotalSeconds:0} s.")
            : (true, $"OwnerId={session.Str("OwnerId")} (fallback queue), Status={session.Str("Status")}, AgentType={session.Str("AgentType")}");
    }

    private async Task<(bool, string)> EscalationReplyAsync(CancellationToken cancellationToken)
    {
        if (options.SinkUrl is not { } sink)
        {
            return (true, "no --sink-url: delivery to the platform not observed");
        }

        var reader = new SinkReader(http, sink, options.EndUserId);
        var replies = await WaitAsync(async ct => await reader.MessagesAsync(ct) is { } found && found.Count > _repliesBeforeEscalation ? found : null, cancellationToken);
        return replies is null
            ? (false, $"No message after the escalation request within {options.Timeout.TotalSeconds:0} s.")
            : (true, $"{replies[^1].Str("sender")}: \"{replies[^1].Str("text")}\"");
    }

    private async Task<JsonObject?> SessionOrNullAsync(CancellationToken cancellationToken) =>
        (await org.QueryAsync(
            "SELECT Id, Status, AgentType, OwnerId, MessagingChannelId, MessagingEndUserId FROM MessagingSession " +
            $"WHERE MessagingEndUser.MessagingPlatformKey={Soql.Quote(options.WebhookChannel + ":" + options.EndUserId)} ORDER BY CreatedDate DESC LIMIT 1",
            cancellationToken: cancellationToken)).FirstOrNull();

    private Task<IReadOnlyList<JsonObject>> EntriesAsync(JsonObject session, CancellationToken cancellationToken) =>
        org.QueryAsync(
            $"SELECT Id, ActorType, Message, EntryType, EntryTime FROM ConversationEntry WHERE ConversationId={Soql.Quote(session.Str("Id")!)} ORDER BY EntryTime",
            cancellationToken: cancellationToken);

    private async Task<T?> WaitAsync<T>(Func<CancellationToken, Task<T?>> probe, CancellationToken cancellationToken)
        where T : class
    {
        var deadline = time.GetUtcNow() + options.Timeout;
        while (true)
        {
            if (await probe(cancellationToken) is { } found)
            {
                return found;
            }

            if (time.GetUtcNow() > deadline)
            {
                return null;
            }

            await Task.Delay(s_poll, time, cancellationToken);
        }
    }
}

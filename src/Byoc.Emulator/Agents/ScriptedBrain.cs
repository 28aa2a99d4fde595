using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Byoc.Emulator.Conversations;

namespace Byoc.Emulator.Agents;

/// <summary>
/// The scripted agent: matches the utterance against the definition's topics in order, asks for a topic's slots one at a
/// time, runs its action against the <see cref="ReservationBook"/> and answers from the templates.
/// </summary>
internal sealed class ScriptedBrain(ReservationBook reservations, TimeProvider timeProvider) : IAgentBrain
{
    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, DialogueState> _dialogues = new(StringComparer.Ordinal);

    public ValueTask<AgentPlan> PlanAsync(AgentTurn turn, CancellationToken cancellationToken)
    {
        if (turn.IsFirstTurn)
        {
            Forget(turn.SessionId);
        }

        var state = _dialogues.GetOrAdd(turn.SessionId, _ => new DialogueState());
        lock (state)
        {
            return ValueTask.FromResult(Plan(turn, state));
        }
    }

    public void Forget(string sessionId) => _dialogues.TryRemove(sessionId, out _);

    /// <summary>The first topic whose pattern matches, in definition order.</summary>
    public static TopicDefinition? Match(AgentDefinition definition, string text) =>
        definition.Topics.FirstOrDefault(t => Matches(t.Patterns, text));

    private AgentPlan Plan(AgentTurn turn, DialogueState state)
    {
        var definition = turn.Definition;
        var text = turn.Text;
        var topic = Match(definition, text);
        if (topic?.Action == "escalate")
        {
            state.Topic = null;
            return new AgentPlan(definition.Escalation.Progress, [new AgentReply(definition.Escalation.Reply)], Escalate: true);
        }

        if (state.Topic is { } current)
        {
            if (Matches(definition.Abandon, text))
            {
                state.Topic = null;
                state.Values.Clear();
                return Say(definition.AbandonReply);
            }

            var slot = current.Slots.First(s => !state.Values.ContainsKey(s.Name));
            if ((slot.Ask.TimePicker?.TimeOf(turn.PickedOption) ?? SlotParser.Parse(slot, text, Today())) is not { } value)
            {
                return new AgentPlan(null, [new AgentReply(slot.Invalid), Ask(slot, state)]);
            }

            state.Values[slot.Name] = value;
            return Continue(definition, current, state);
        }

        if (topic is null || topic.Action == "greet")
        {
            return turn.IsFirstTurn || topic is not null ? new AgentPlan(null, [Reply(definition.Greeting, state)]) : Say(definition.Fallback);
        }

        state.Topic = topic;
        state.Values.Clear();
        foreach (var slot in topic.Slots.Where(s => s.FromUtterance))
        {
            if (SlotParser.Parse(slot, text, Today()) is { } value)
            {
                state.Values[slot.Name] = value;
            }
        }

        return Continue(definition, topic, state);
    }

    private AgentPlan Continue(AgentDefinition definition, TopicDefinition topic, DialogueState state)
    {
        if (topic.Slots.FirstOrDefault(s => !state.Values.ContainsKey(s.Name)) is { } missing)
        {
            return new AgentPlan(null, [Ask(missing, state)]);
        }

        state.Topic = null;
        var found = Run(topic.Action, state.Values);
        var reply = found ? Reply(topic.Reply, state) : new AgentReply(Fill(topic.NotFound ?? topic.Reply.Text, state.Values));
        if (found && topic.Then is { } then && definition.Topics.Find(t => t.Name == then) is { } next)
        {
            state.Topic = next;
            var following = Continue(definition, next, state);
            return new AgentPlan(topic.Progress ?? following.Progress, [reply, .. following.Replies]);
        }

        state.Values.Clear();
        return new AgentPlan(topic.Progress, [reply]);
    }

    private bool Run(string? action, Dictionary<string, string> values)
    {
        var reservation = action switch
        {
            "makeReservation" => reservations.Make(values["name"], int.Parse(values["partySize"], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(values["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(values["time"], "HH:mm", CultureInfo.InvariantCulture)),
            "findReservation" => reservations.Find(values["reference"]),
            "cancelReservation" => reservations.Cancel(values["reference"]),
            _ => null,
        };
        if (reservation is null)
        {
            return action is null or "greet";
        }

        values["reference"] = reservation.Reference;
        values["name"] = reservation.Name;
        values["partySize"] = reservation.PartySize.ToString(CultureInfo.InvariantCulture);
        values["date"] = reservation.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        values["time"] = reservation.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        values["status"] = reservation.Cancelled ? "cancelled" : "confirmed";
        return true;
    }

    private static AgentPlan Say(string text) => new(null, [new AgentReply(text)]);

    private AgentReply Ask(SlotDefinition slot, DialogueState state) => Reply(slot.Ask, state);

    private AgentReply Reply(MessageTemplate template, DialogueState state)
    {
        var text = Fill(template.Text, state.Values);
        if (template.TimePicker is { } picker)
        {
            var date = state.Values.TryGetValue("date", out var value)
                ? DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : picker.Today(timeProvider.GetUtcNow());
            return new AgentReply(text, picker.Options(date), picker.TimezoneOffset);
        }

        return new AgentReply(text, template.Choices.Count == 0 ? null : [.. template.Choices.Select(c => new ChoiceOption(c.Id, c.Title))]);
    }

    private static string Fill(string template, Dictionary<string, string> values) =>
        values.Aggregate(template, (text, pair) => text.Replace("{" + pair.Key + "}", pair.Value, StringComparison.OrdinalIgnoreCase));

    private static bool Matches(IEnumerable<string> patterns, string text) =>
        patterns.Any(p => Regex.IsMatch(text, p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, s_regexTimeout));

    private DateOnly Today() => DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
}

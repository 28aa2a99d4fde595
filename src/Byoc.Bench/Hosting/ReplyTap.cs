using System.Diagnostics;
using Byoc.Bench.Measurement;
using Byoc.Bench.Workload;
using Byoc.Emulator.Conversations;

namespace Byoc.Bench.Hosting;

/// <summary>
/// Wraps the emulated org's outbound path to see the agent's replies where they are published, with no connector in between:
/// the ceiling baseline books its round trips here. Books nothing while <see cref="Ledger"/> is null.
/// </summary>
internal sealed class ReplyTap(IConversationEvents inner) : IConversationEvents
{
    private int _published;

    /// <summary>Where replies are booked; null while a connector run measures at the sink instead.</summary>
    public ConversationLedger? Ledger { get; set; }

    /// <summary>Echo replies the org published, booked or not: fewer at the platform than here means the connector dropped some.</summary>
    public int Published => Volatile.Read(ref _published);

    public async ValueTask<string> PublishAsync(ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        var identifier = await inner.PublishAsync(conversationEvent, cancellationToken);
        if (conversationEvent is TextMessageEvent text && BenchText.TryParseReply(text.Text, out var user, out var sequence))
        {
            Interlocked.Increment(ref _published);
            Ledger?.Reply(user, sequence, identifier, Stopwatch.GetTimestamp());
        }

        return identifier;
    }
}

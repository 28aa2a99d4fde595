using System.Diagnostics;
using Byoc.Bench.Measurement;
using Byoc.Bench.Workload;
using Byoc.Emulator.Conversations;

namespace Byoc.Bench.Hosting;

/// <summary>
/// Sees the agent's replies where the emulated org publishes them, with no connector in between: the ceiling baseline
/// books its round trips here. Books nothing while <see cref="Ledger"/> is null.
/// </summary>
internal sealed class ReplyTap : IPublishedTextObserver
{
    private int _published;

    /// <summary>Where replies are booked; null while a connector run measures at the sink instead.</summary>
    public ConversationLedger? Ledger { get; set; }

    /// <summary>Echo replies the org published, booked or not: fewer at the platform than here means the connector dropped some.</summary>
    public int Published => Volatile.Read(ref _published);

    public void OnTextPublished(string text, string entryIdentifier)
    {
        if (BenchText.TryParseReply(text, out var user, out var sequence))
        {
            Interlocked.Increment(ref _published);
            Ledger?.Reply(user, sequence, entryIdentifier, Stopwatch.GetTimestamp());
        }
    }
}

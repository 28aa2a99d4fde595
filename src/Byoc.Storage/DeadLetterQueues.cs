namespace Byoc.Storage;

/// <summary>The queue tables a dead letter may name; replay interpolates the name, so it is checked first.</summary>
internal static class DeadLetterQueues
{
    public static string Checked(string queue) => queue is "inbox" or "outbox"
        ? queue
        : throw new InvalidOperationException($"Dead letter names an unknown queue '{queue}'.");
}

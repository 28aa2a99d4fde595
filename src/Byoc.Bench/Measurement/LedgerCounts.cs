namespace Byoc.Bench.Measurement;

/// <summary>The correctness figures of a run: every one but <see cref="Accepted"/>, <see cref="Replied"/> and <see cref="Redelivered"/> must be zero.</summary>
/// <param name="Accepted">Messages the connector (or API) accepted.</param>
/// <param name="Replied">Distinct replies received.</param>
/// <param name="Lost">Accepted messages that never got a reply.</param>
/// <param name="Duplicated">Second replies to one message under a new delivery id.</param>
/// <param name="Redelivered">Repeats of one delivery id (at-least-once; the receiver de-duplicates them).</param>
/// <param name="OutOfOrder">Replies that arrived after a reply to a later message of the same end user.</param>
/// <param name="Unexpected">Replies to messages that were never sent.</param>
internal sealed record LedgerCounts(int Accepted, int Replied, int Lost, int Duplicated, int Redelivered, int OutOfOrder, int Unexpected)
{
    /// <summary>True when nothing was lost, duplicated, reordered or invented.</summary>
    public bool Clean => Lost == 0 && Duplicated == 0 && OutOfOrder == 0 && Unexpected == 0;
}

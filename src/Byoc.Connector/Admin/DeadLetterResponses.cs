using Byoc.Core.Storage;

namespace Byoc.Connector.Admin;

/// <summary>One dead letter as the admin API lists it: everything but the payload.</summary>
internal sealed record DeadLetterSummary(long Id, string Queue, string Source, string Key, string Reason, string LastError, int Attempts,
    DateTimeOffset DeadAt)
{
    public static DeadLetterSummary From(DeadLetter d) => new(d.Id, d.Queue, d.Source, d.Key, d.Reason, d.LastError, d.Attempts, d.DeadAt);
}

/// <summary>One dead letter with its stored payload.</summary>
internal sealed record DeadLetterDetail(long Id, string Queue, string Source, string Key, string Reason, string LastError, int Attempts,
    DateTimeOffset DeadAt, string Payload)
{
    public static DeadLetterDetail From(DeadLetter d) => new(d.Id, d.Queue, d.Source, d.Key, d.Reason, d.LastError, d.Attempts, d.DeadAt, d.Payload);
}

/// <summary>A page of dead letters, newest first; pass <paramref name="NextBefore"/> as <c>before</c> for the next page.</summary>
internal sealed record DeadLetterPage(int Total, IReadOnlyList<DeadLetterSummary> Items, long? NextBefore);

/// <summary>How many dead letters a replay or purge affected.</summary>
internal sealed record DeadLetterCount(int Count);

namespace Byoc.Core.Storage;

/// <summary>A row that will not be retried, with why.</summary>
public sealed record DeadLetter
{
    /// <summary>The dead letter's own id; increases with the time it was dead-lettered.</summary>
    public required long Id { get; init; }

    /// <summary><c>inbox</c> or <c>outbox</c>.</summary>
    public required string Queue { get; init; }

    /// <summary>The de-duplication scope of the original row.</summary>
    public required string Source { get; init; }

    /// <summary>The de-duplication key of the original row.</summary>
    public required string Key { get; init; }

    /// <summary>The serialized message.</summary>
    public required string Payload { get; init; }

    /// <summary>Why it was dead-lettered (for example <c>permanent</c> or <c>attempts-exhausted</c>).</summary>
    public required string Reason { get; init; }

    /// <summary>The last error.</summary>
    public required string LastError { get; init; }

    /// <summary>Attempts made.</summary>
    public required int Attempts { get; init; }

    /// <summary>When it was dead-lettered.</summary>
    public required DateTimeOffset DeadAt { get; init; }
}

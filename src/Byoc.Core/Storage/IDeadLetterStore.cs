namespace Byoc.Core.Storage;

/// <summary>Reads the dead-letter table.</summary>
internal interface IDeadLetterStore
{
    /// <summary>Lists dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int max, CancellationToken cancellationToken);
}

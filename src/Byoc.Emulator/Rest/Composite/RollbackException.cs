namespace Byoc.Emulator.Rest.Composite;

/// <summary>
/// Thrown inside an <see cref="Org.Records.OrgStore.Write{T}"/> to discard everything the write did (allOrNone, a failed
/// tree); the caller catches it and reports the outcomes it collected.
/// </summary>
internal sealed class RollbackException : Exception
{
    public RollbackException()
        : base("The transaction was rolled back.")
    {
    }
}

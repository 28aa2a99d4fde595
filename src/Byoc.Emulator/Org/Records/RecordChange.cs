namespace Byoc.Emulator.Org.Records;

/// <summary>One committed change: <see cref="Before"/> is null for an insert, <see cref="After"/> null for a delete.</summary>
internal sealed record RecordChange(SObjectRecord? Before, SObjectRecord? After)
{
    public SObjectRecord Current => After ?? Before!;

    public string ObjectName => Current.ObjectName;

    public bool IsInsert => Before is null;

    public bool IsDelete => After is null;
}

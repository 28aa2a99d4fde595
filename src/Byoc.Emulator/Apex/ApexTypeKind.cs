namespace Byoc.Emulator.Apex;

/// <summary>The static types the Apex subset knows.</summary>
internal enum ApexTypeKind
{
    String,
    Integer,
    Long,
    Decimal,
    Boolean,
    Id,
    Datetime,
    Date,
    SObject,
    List,
    Null,
    Void,
}

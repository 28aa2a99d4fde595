namespace Byoc.Emulator.Org.Schema;

/// <summary>The describe <c>type</c> of a field, named as Salesforce's describe calls report them.</summary>
internal enum FieldType
{
    Id,
    String,
    TextArea,
    Boolean,
    Int,
    Double,
    DateTime,
    Date,
    Picklist,
    Reference,
    Email,
    Url,
    Phone,
}

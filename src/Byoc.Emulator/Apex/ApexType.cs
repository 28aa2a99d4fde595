using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Apex;

/// <summary>A static type: a primitive, an sObject type, or a list of sObjects.</summary>
internal sealed record ApexType(ApexTypeKind Kind, SObjectDefinition? SObject = null, ApexType? Element = null)
{
    public static readonly ApexType String = new(ApexTypeKind.String);
    public static readonly ApexType Integer = new(ApexTypeKind.Integer);
    public static readonly ApexType Long = new(ApexTypeKind.Long);
    public static readonly ApexType Decimal = new(ApexTypeKind.Decimal);
    public static readonly ApexType Boolean = new(ApexTypeKind.Boolean);
    public static readonly ApexType Id = new(ApexTypeKind.Id);
    public static readonly ApexType Datetime = new(ApexTypeKind.Datetime);
    public static readonly ApexType Date = new(ApexTypeKind.Date);
    public static readonly ApexType Null = new(ApexTypeKind.Null);
    public static readonly ApexType Void = new(ApexTypeKind.Void);

    public bool IsNumeric => Kind is ApexTypeKind.Integer or ApexTypeKind.Long or ApexTypeKind.Decimal;

    public bool IsText => Kind is ApexTypeKind.String or ApexTypeKind.Id;

    public static ApexType Of(SObjectDefinition definition) => new(ApexTypeKind.SObject, definition);

    public static ApexType ListOf(ApexType element) => new(ApexTypeKind.List, null, element);

    /// <summary>The Apex type of an sObject field (describe type → Apex primitive).</summary>
    public static ApexType OfField(FieldDefinition field) => field.Type switch
    {
        FieldType.Id or FieldType.Reference => Id,
        FieldType.Boolean => Boolean,
        FieldType.Int => Integer,
        FieldType.Double => Decimal,
        FieldType.DateTime => Datetime,
        FieldType.Date => Date,
        _ => String,
    };

    /// <summary>True when a value of <paramref name="source"/> may be assigned to this type.</summary>
    public bool Accepts(ApexType source) => (Kind, source.Kind) switch
    {
        (_, ApexTypeKind.Null) => Kind != ApexTypeKind.Void,
        (ApexTypeKind.SObject, ApexTypeKind.SObject) => string.Equals(SObject!.Name, source.SObject!.Name, StringComparison.OrdinalIgnoreCase),
        (ApexTypeKind.List, ApexTypeKind.List) => Element!.Accepts(source.Element!) && source.Element!.Kind != ApexTypeKind.Null,
        (ApexTypeKind.String, ApexTypeKind.Id) or (ApexTypeKind.Id, ApexTypeKind.String) => true,
        (ApexTypeKind.Long, ApexTypeKind.Integer) or (ApexTypeKind.Decimal, ApexTypeKind.Integer) => true,
        (ApexTypeKind.Decimal, ApexTypeKind.Long) => true,
        _ => Kind == source.Kind && Kind is not (ApexTypeKind.SObject or ApexTypeKind.List),
    };

    public override string ToString() => Kind switch
    {
        ApexTypeKind.SObject => SObject!.Name,
        ApexTypeKind.List => $"List<{Element}>",
        ApexTypeKind.Null => "null",
        ApexTypeKind.Void => "void",
        _ => Kind.ToString(),
    };
}

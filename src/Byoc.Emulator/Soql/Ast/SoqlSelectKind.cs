namespace Byoc.Emulator.Soql.Ast;

/// <summary>What a SELECT list entry is.</summary>
internal enum SoqlSelectKind
{
    /// <summary>A field or relationship path.</summary>
    Field,

    /// <summary><c>COUNT()</c>: the result has no rows, only <c>totalSize</c>.</summary>
    Count,

    /// <summary>An aggregate function of a field (<c>COUNT(Id)</c>, <c>MAX(CreatedDate)</c>): AggregateResult rows.</summary>
    Aggregate,

    /// <summary><c>FIELDS(ALL|STANDARD|CUSTOM)</c>; the group name is in <see cref="SoqlSelectItem.Alias"/>.</summary>
    Fields,
}

namespace Byoc.Emulator.Org.Schema;

/// <summary>What the REST API allows on an sObject type (describe's <c>createable</c>, <c>updateable</c>, ...).</summary>
[Flags]
internal enum SObjectCapabilities
{
    None = 0,
    Queryable = 1,
    Createable = 2,
    Updateable = 4,
    Deletable = 8,

    /// <summary>Found by SOSL search (<c>/search</c>, <c>/parameterizedSearch</c>); describe <c>searchable</c>.</summary>
    Searchable = 16,
    ReadOnly = Queryable,
    All = Queryable | Createable | Updateable | Deletable,
}

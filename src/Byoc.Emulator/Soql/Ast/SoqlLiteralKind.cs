namespace Byoc.Emulator.Soql.Ast;

/// <summary>The kind of a literal value in a condition.</summary>
internal enum SoqlLiteralKind
{
    String,
    Number,
    Boolean,
    Null,
    Date,
    DateTime,

    /// <summary>A relative date such as <c>TODAY</c> or <c>LAST_N_DAYS:7</c>.</summary>
    DateKeyword,
}

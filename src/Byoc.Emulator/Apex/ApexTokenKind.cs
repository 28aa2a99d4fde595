namespace Byoc.Emulator.Apex;

/// <summary>The kinds of token the anonymous-Apex lexer produces.</summary>
internal enum ApexTokenKind
{
    Identifier,
    String,
    Integer,
    Symbol,

    /// <summary>An inline SOQL query: the text between <c>[</c> and <c>]</c>.</summary>
    Query,
    EndOfFile,
}

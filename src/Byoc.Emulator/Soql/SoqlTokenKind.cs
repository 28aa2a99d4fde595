namespace Byoc.Emulator.Soql;

/// <summary>Lexical classes of SOQL; keywords are identifiers the parser recognises by text.</summary>
internal enum SoqlTokenKind
{
    Identifier,
    String,
    Number,
    Date,
    DateTime,
    Comma,
    Dot,
    OpenParen,
    CloseParen,
    Colon,
    Operator,
    End,

    /// <summary>Text the lexer could not read; the parser raises its error only when it gets there, as Salesforce does.</summary>
    Invalid,
}

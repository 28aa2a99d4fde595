namespace Byoc.Emulator.Soql;

/// <summary>One token; <paramref name="Position"/> is the 0-based offset of its first character in the query text.</summary>
/// <param name="Kind">Lexical class.</param>
/// <param name="Text">The source text (for strings: the raw text between the quotes, escapes not yet resolved).</param>
/// <param name="Position">Offset in the query.</param>
/// <param name="Value">The decoded value: unescaped string, number, <see cref="DateOnly"/> or <see cref="DateTimeOffset"/>.</param>
internal readonly record struct SoqlToken(SoqlTokenKind Kind, string Text, int Position, object? Value = null)
{
    public bool IsKeyword(string keyword) =>
        Kind == SoqlTokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>How Salesforce quotes the token in "unexpected token" messages.</summary>
    public string Display => Kind switch
    {
        SoqlTokenKind.End => "<EOF>",
        SoqlTokenKind.String => $"'{Text}'",
        _ => Text,
    };
}

namespace Byoc.Emulator.Apex;

/// <summary>One token with its 1-based source position; <see cref="Value"/> is the decoded string literal.</summary>
internal readonly record struct ApexToken(ApexTokenKind Kind, string Text, int Line, int Column, string? Value = null)
{
    public bool Is(string text) =>
        Kind is ApexTokenKind.Symbol or ApexTokenKind.Identifier && string.Equals(Text, text, StringComparison.OrdinalIgnoreCase);

    /// <summary>How Salesforce quotes a token in compile problems (<c>'update'</c>, <c>'&lt;EOF&gt;'</c>).</summary>
    public string Display => Kind == ApexTokenKind.EndOfFile ? "<EOF>" : Kind == ApexTokenKind.Query ? "[" : Text;
}

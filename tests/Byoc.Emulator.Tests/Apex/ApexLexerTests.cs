using Byoc.Emulator.Apex;

namespace Byoc.Emulator.Tests.Apex;

public sealed class ApexLexerTests
{
    [Fact]
    public void Tokenize_StatementsAcrossLinesAndComments_TracksLinesAndColumns()
    {
        var tokens = ApexLexer.Tokenize("// header\nString s = 'it\\'s';  /* note\n */ update x;");

        Assert.Equal(
            [
                (ApexTokenKind.Identifier, "String", 2, 1), (ApexTokenKind.Identifier, "s", 2, 8), (ApexTokenKind.Symbol, "=", 2, 10),
                (ApexTokenKind.String, "'it\\'s'", 2, 12), (ApexTokenKind.Symbol, ";", 2, 19), (ApexTokenKind.Identifier, "update", 3, 5),
                (ApexTokenKind.Identifier, "x", 3, 12), (ApexTokenKind.Symbol, ";", 3, 13), (ApexTokenKind.EndOfFile, "", 3, 14),
            ],
            tokens.Select(t => (t.Kind, t.Text, t.Line, t.Column)));
        Assert.Equal("it's", tokens[3].Value);
    }

    [Fact]
    public void Tokenize_InlineQueryWithBracketInString_IsOneQueryToken()
    {
        var tokens = ApexLexer.Tokenize("List<Group> g = [ SELECT Id FROM Group WHERE Name = 'a]b' AND Id = :x ];");

        var query = Assert.Single(tokens, t => t.Kind == ApexTokenKind.Query);
        Assert.Equal(" SELECT Id FROM Group WHERE Name = 'a]b' AND Id = :x ", query.Text);
        Assert.Equal(17, query.Column);
    }

    [Fact]
    public void Tokenize_TwoCharacterOperators_AreSingleSymbols()
    {
        var symbols = ApexLexer.Tokenize("a == b && c != d || e <= f >= g").Where(t => t.Kind == ApexTokenKind.Symbol).Select(t => t.Text);

        Assert.Equal(["==", "&&", "!=", "||", "<=", ">="], symbols);
    }

    [Fact]
    public void Tokenize_UnterminatedString_IsCompileProblemAtItsStart()
    {
        var problem = Assert.Throws<ApexCompileException>(() => ApexLexer.Tokenize("x = 'abc\n';"));

        Assert.Equal(("Unterminated string literal.", 1, 5), (problem.Message, problem.Line, problem.Column));
    }
}

using System.Text;
using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Tests.Soql;

public sealed class SoqlMalformedInputTests : IDisposable
{
    private readonly SoqlTestOrg _org = new();

    public void Dispose() => _org.Dispose();

    [Theory]
    [InlineData("SELECT Id FROM", "unexpected token: <EOF>", 15)]
    [InlineData("SELECT FROM User", "unexpected token: FROM", 8)]
    [InlineData("SELECT Id FROM User WHERE", "unexpected token: <EOF>", 26)]
    [InlineData("SELECT Id FROM User WHERE Name = 'x", "mismatched character '<EOF>'", 34)]
    [InlineData("SELECT Id FROM User WHERE Name = 'x' OR 1=1 --", "unexpected token: 1", 41)]
    [InlineData("SELECT Id FROM User WHERE Name = 'x'; DROP TABLE User", "no viable alternative at character ';'", 37)]
    [InlineData("SELECT Id FROM User WHERE (Name = 'x'", "unexpected token: <EOF>", 38)]
    [InlineData("SELECT Id FROM User WHERE Name = 'x')", "unexpected token: )", 37)]
    [InlineData("SELECT Id FROM User WHERE Name = 'a\\qb'", "Illegal character sequence '\\q' in string literal.", 36)]
    [InlineData("SELECT Id FROM User LIMIT -1", "unexpected token: -1", 27)]
    [InlineData("SELECT Id FROM User LIMIT", "unexpected token: <EOF>", 26)]
    [InlineData("SELECT Id FROM User X", "unexpected token: X", 21)]
    [InlineData("select id from user where name = 'é' and näme = 'x'", "no viable alternative at character 'ä'", 43)]
    [InlineData("SELECT Id FROM User WHERE Id IN ()", "unexpected token: )", 34)]
    [InlineData("SELECT Id FROM User WHERE CreatedDate = LAST_N_DAYS", "unexpected token: <EOF>", 52)]
    [InlineData("SELECT Id FROM User WHERE CreatedDate > 2026-13-01T00:00:00Z", "no viable alternative", 41)]
    [InlineData("SELECT Id FROM User WHERE NOT", "unexpected token: <EOF>", 30)]
    [InlineData("SELECT Id,, Name FROM User", "unexpected token: ,", 11)]
    [InlineData("'", "mismatched character '<EOF>'", 1)]
    [InlineData("SELECT Id FROM User WHERE Name = '\\", "mismatched character '<EOF>'", 34)]
    public void Execute_MalformedQuery_MalformedQueryWithCaret(string query, string detail, int column)
    {
        var error = _org.Fail(query);

        Assert.Equal("MALFORMED_QUERY", error.ErrorCode);
        Assert.Contains($"ERROR at Row:1:Column:{column}\n", error.Message);
        Assert.Contains(detail, error.Message);
    }

    [Fact]
    public void Execute_MultiLineQuery_ReportsRowAndColumn()
    {
        var error = _org.Fail("SELECT Id\nFROM User\nWHERE Nope = 1");

        Assert.StartsWith("\nWHERE Nope = 1\n      ^\nERROR at Row:3:Column:7\nNo such column 'Nope' on entity 'User'.", error.Message);
    }

    [Fact]
    public void Execute_EscapedQuotesAndBackslashes_MatchLiterally()
    {
        var admin = _org.Store.Records("User")[0];
        _org.Store.Write(w => w.Update(admin.Id, new Dictionary<string, object?> { ["Title"] = "O'Brien \\ \"boss\"\nline" }));

        Assert.Single(_org.Query("SELECT Id FROM User WHERE Title = 'O\\'Brien \\\\ \\\"boss\\\"\\nline'").Records);
        Assert.Single(_org.Query("SELECT Id FROM User WHERE Title LIKE 'o\\'brien%'").Records);
    }

    [Fact]
    public void Execute_VeryLongQuery_AnswersWithoutThrowing()
    {
        var builder = new StringBuilder("SELECT Id FROM User WHERE Name IN ('a'");
        while (builder.Length < 99_000)
        {
            builder.Append(", 'somebody'");
        }

        Assert.Empty(_org.Query(builder.Append(')').ToString()).Records);
        var tooLong = _org.Fail(builder.Append(new string(' ', 2_000)).ToString());
        Assert.Equal("MALFORMED_QUERY", tooLong.ErrorCode);
    }

    [Fact]
    public void Execute_LongQueryWithErrorAtEnd_ExcerptsTheLine()
    {
        var query = "SELECT Id FROM User WHERE Name IN ('a'" + string.Concat(Enumerable.Repeat(", 'x'", 5_000)) + ") AND Nope = 1";

        var error = _org.Fail(query);

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.True(error.Message.Length < 4_600, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lines = error.Message.Split('\n');
        Assert.Equal(lines[1].IndexOf("Nope", StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(5_000, '(')]
    [InlineData(5_000, 'N')]
    public void Execute_DeepNesting_RefusedWithoutStackOverflow(int depth, char kind)
    {
        var prefix = kind == '(' ? string.Concat(Enumerable.Repeat("(", depth)) : string.Concat(Enumerable.Repeat("NOT ", depth));
        var suffix = kind == '(' ? new string(')', depth) : "";

        var error = _org.Fail($"SELECT Id FROM User WHERE {prefix}Name = 'x'{suffix}");

        Assert.Equal("MALFORMED_QUERY", error.ErrorCode);
    }

    [Fact]
    public void Execute_NestedSemiJoins_RefusedPastDepthLimit()
    {
        var query = "SELECT Id FROM User WHERE Id IN (SELECT Id FROM User WHERE Id IN (SELECT Id FROM User))";

        Assert.Equal(5, _org.Query(query).Records.Count);
        var deep = "SELECT Id FROM User" + string.Concat(Enumerable.Repeat(" WHERE Id IN (SELECT Id FROM User", 500)) + new string(')', 500);
        Assert.Equal("MALFORMED_QUERY", _org.Fail(deep).ErrorCode);
    }

    [Fact]
    public void Execute_RandomInput_NeverThrows()
    {
        var random = new Random(20261124);
        string[] pieces = ["SELECT", "Id", "Name", ",", "FROM", "User", "MessagingSession", "WHERE", "=", "!=", "<", ">=", "'", "\\",
            "(", ")", "AND", "OR", "NOT", "IN", "LIKE", "'%x_'", "null", "TRUE", "2026-01-01", "2026-01-01T00:00:00Z", "TODAY",
            "LAST_N_DAYS", ":", "5", "-3.5", "ORDER", "BY", "DESC", "NULLS", "LAST", "LIMIT", "OFFSET", "COUNT", ".", "Owner",
            "é", "\u0000", "\n", "Id IN (SELECT", "BotDefinitionId FROM BotVersion", "💬", "'\\''", "''"];
        for (var i = 0; i < 3_000; i++)
        {
            var query = string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => pieces[random.Next(pieces.Length)]));
            if (i % 2 == 0)
            {
                query = "SELECT Id FROM User WHERE " + query;
            }

            var outcome = _org.Engine.Execute(query, i % 3 == 0 ? ApiSurface.Tooling : ApiSurface.Data);
            Assert.True(outcome.Result is not null ^ outcome.Error is not null, query);
        }
    }
}

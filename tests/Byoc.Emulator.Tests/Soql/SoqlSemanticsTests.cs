using Byoc.Emulator.Org.Ids;

namespace Byoc.Emulator.Tests.Soql;

public sealed class SoqlSemanticsTests : IDisposable
{
    private readonly SoqlTestOrg _org = new();

    public void Dispose() => _org.Dispose();

    [Theory]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status = 'active'", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status != 'Active'", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status <> 'Active'", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status IN ('Active', 'waiting')", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status NOT IN ('Active', 'waiting')", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE NOT Status = 'Active'", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE (Status = 'Active' OR Status = 'Ended') AND AgentType = 'Bot'", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE NOT (Status = 'Active' OR Status = 'Ended')", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE OwnerId = null", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE OwnerId != null", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Owner.Name = 'AgentforceChannel Queue'", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Owner.Name LIKE 'alex%'", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE MessagingChannel.SessionHandler.Name = 'x'", 0)]
    [InlineData("SELECT Id FROM MessagingSession WHERE MessagingChannel.Nope.Name = 'x'", -1)]
    [InlineData("SELECT Id FROM User WHERE Name LIKE '%a_ent'", 1)]
    [InlineData("SELECT Id FROM User WHERE Username LIKE '%\\_%'", 0)]
    [InlineData("SELECT Id FROM User WHERE Username LIKE '%.%'", 5)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = TODAY", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate < TODAY", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = LAST_N_DAYS:2", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = LAST_N_DAYS:3", 3)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate > 2026-11-24T09:00:00Z", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate >= 2026-11-24T10:00:00.000+0100", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = THIS_MONTH", 3)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = YESTERDAY", 0)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = THIS_WEEK", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate < THIS_WEEK", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = N_DAYS_AGO:3", 1)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate > NEXT_N_DAYS:1", 0)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate = LAST_YEAR", 0)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate >= TODAY", 2)]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate <= YESTERDAY", 1)]
    [InlineData("SELECT Id FROM BotVersion WHERE VersionNumber >= 1 AND VersionNumber < 2.5", 1)]
    [InlineData("SELECT Id FROM MessagingChannel WHERE IsActive = TRUE", 1)]
    [InlineData("SELECT Id FROM MessagingChannel WHERE IsActive = false", 0)]
    [InlineData("SELECT Id FROM messagingsession where status = 'ACTIVE'", 1)]
    [InlineData("SELECT MessagingSession.Id FROM MessagingSession", 3)]
    [InlineData("SELECT Id FROM MessagingSession LIMIT 2 OFFSET 2", 1)]
    [InlineData("SELECT Id FROM MessagingSession LIMIT 0", 0)]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status = 'Active' WITH SECURITY_ENFORCED LIMIT 5 FOR VIEW", 1)]
    public void Execute_Filter_MatchesExpectedCount(string query, int expected)
    {
        if (expected < 0)
        {
            Assert.Equal("INVALID_FIELD", _org.Fail(query).ErrorCode);
            return;
        }

        Assert.Equal(expected, _org.Query(query).Records.Count);
    }

    [Fact]
    public void Execute_IdIn15Or18Characters_MatchesSameRecord()
    {
        var id = _org.Escalated;

        Assert.Single(_org.Query($"SELECT Id FROM MessagingSession WHERE Id = '{SalesforceId.To15(id)}'").Records);
        Assert.Single(_org.Query($"SELECT Id FROM MessagingSession WHERE Id = '{id}'").Records);
        Assert.Single(_org.Query($"SELECT Id FROM MessagingSession WHERE Id IN ('{SalesforceId.To15(id)}')").Records);
        Assert.Empty(_org.Query($"SELECT Id FROM MessagingSession WHERE Id = '{SalesforceId.To15(id).ToLowerInvariant()}'").Records);
    }

    [Fact]
    public void Execute_OrderByWithNulls_PlacesNullsAsRequested()
    {
        var ascending = _org.Query("SELECT Id, OwnerId FROM MessagingSession ORDER BY OwnerId").Records;
        var last = _org.Query("SELECT Id, OwnerId FROM MessagingSession ORDER BY OwnerId NULLS LAST").Records;
        var descending = _org.Query("SELECT Id, OwnerId FROM MessagingSession ORDER BY OwnerId DESC").Records;
        var descendingFirst = _org.Query("SELECT Id, OwnerId FROM MessagingSession ORDER BY OwnerId DESC NULLS FIRST").Records;

        Assert.Null(ascending[0]["OwnerId"]);
        Assert.Null(last[^1]["OwnerId"]);
        Assert.Null(descending[^1]["OwnerId"]);
        Assert.Null(descendingFirst[0]["OwnerId"]);
    }

    [Fact]
    public void Execute_OrderByMultipleKeys_SortsByEach()
    {
        var records = _org.Query("SELECT Id FROM MessagingSession ORDER BY AgentType ASC, CreatedDate DESC").Records;

        Assert.Equal(["Bot", "Bot", "BotToAgent"], records.Select(r => r.GetString("AgentType")));
        Assert.True(records[0].GetDateTime("CreatedDate") > records[1].GetDateTime("CreatedDate"));
    }

    [Fact]
    public void Execute_OrderByRelationshipPath_Sorts()
    {
        var records = _org.Query("SELECT Id FROM User ORDER BY Name DESC LIMIT 1").Records;

        Assert.Equal("Sam Chen", Assert.Single(records).GetString("Name"));
    }

    [Fact]
    public void Execute_FieldsFunction_ExpandsToTheTypesFields()
    {
        var standard = _org.Query("SELECT FIELDS(STANDARD) FROM MessagingChannel");
        var all = _org.Query("SELECT Id, FIELDS(ALL) FROM MessagingChannel LIMIT 1");
        var custom = _org.Query("SELECT FIELDS(CUSTOM) FROM MessagingChannel LIMIT 200");

        var definition = _org.Store.Schema.FindObject("MessagingChannel")!;
        Assert.Equal(definition.Fields.Select(f => f.Name), standard.Columns.Select(c => c.Name));
        Assert.Equal(definition.Fields.Select(f => f.Name), all.Columns.Select(c => c.Name));
        Assert.Empty(custom.Columns);
    }

    [Fact]
    public void Execute_CountOnly_ReturnsTotalWithoutRows()
    {
        var result = _org.Query("SELECT COUNT() FROM MessagingSession WHERE Status != 'Ended'");

        Assert.True(result.IsCountOnly);
        Assert.Equal(2, result.TotalSize);
        Assert.Empty(result.Records);
    }

    [Fact]
    public void Execute_CountOfField_ReturnsAggregateExpr0()
    {
        var result = _org.Query("SELECT COUNT(OwnerId) FROM MessagingSession");

        var aggregate = Assert.Single(result.AggregateColumns);
        Assert.Equal(("expr0", "COUNT(OwnerId)", 2L), (aggregate.ColumnName, aggregate.DisplayName, Assert.Single(Assert.Single(result.AggregateRows))));
        Assert.Equal(1, result.TotalSize);
    }

    [Fact]
    public void Execute_GroupBy_OneAggregateRowPerGroup()
    {
        var result = _org.Query("SELECT AgentType, COUNT(Id) total, MAX(CreatedDate), COUNT_DISTINCT(Status) FROM MessagingSession " +
            "GROUP BY AgentType ORDER BY AgentType DESC");

        Assert.True(result.IsGrouped);
        Assert.Equal(["AgentType", "total", "expr0", "expr1"], result.AggregateColumns.Select(c => c.ColumnName));
        Assert.Equal(["BotToAgent", "Bot"], result.AggregateRows.Select(r => r[0]));
        Assert.Equal([2L, 2L], result.AggregateRows[1].Where((_, i) => i is 1 or 3));
        Assert.Equal(SoqlTestOrg.Now.AddHours(-2), result.AggregateRows[1][2]);
        Assert.Equal(2, result.TotalSize);
    }

    [Fact]
    public void Execute_GroupByRelationshipPath_GroupsByRelatedValue()
    {
        var result = _org.Query("SELECT MessagingChannel.DeveloperName, COUNT(Id) FROM MessagingSession GROUP BY MessagingChannel.DeveloperName");

        var row = Assert.Single(result.AggregateRows);
        Assert.Equal(["DeveloperName", "expr0"], result.AggregateColumns.Select(c => c.ColumnName));
        Assert.Equal(["AgentforceChannel", 3L], row);
    }

    [Theory]
    [InlineData("SELECT Id FROM MessagingChannel WHERE IsActive = 'true'", "INVALID_FIELD",
        "value of filter criterion for field 'IsActive' must be of type boolean and should not be enclosed in quotes")]
    [InlineData("SELECT Id FROM MessagingChannel WHERE DeveloperName = 5", "INVALID_FIELD",
        "value of filter criterion for field 'DeveloperName' must be of type string and should be enclosed in quotes")]
    [InlineData("SELECT Id FROM MessagingSession WHERE CreatedDate > 2026-01-01", "INVALID_FIELD",
        "value of filter criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes")]
    [InlineData("SELECT Id FROM MessagingSession WHERE Id = 'nope'", "INVALID_QUERY_FILTER_OPERATOR", "invalid ID field: nope")]
    [InlineData("SELECT Id FROM ConversationEntry WHERE Message = 'x'", "INVALID_FIELD",
        "field 'Message' can not be filtered in a query call")]
    [InlineData("SELECT Id, Id FROM User", "MALFORMED_QUERY", "duplicate field selected: Id")]
    [InlineData("SELECT Id FROM User WHERE Id LIKE '005%'", "INVALID_QUERY_FILTER_OPERATOR", "invalid operator on id field")]
    [InlineData("SELECT Id, COUNT(Id) FROM User", "MALFORMED_QUERY", "Field must be grouped or aggregated: Id")]
    [InlineData("SELECT Id FROM Byoc_Interaction__e", "INVALID_TYPE_FOR_OPERATION", "entity type Byoc_Interaction__e does not support query")]
    [InlineData("SELECT Id FROM User LIMIT 10 OFFSET 2001", "NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000")]
    [InlineData("SELECT FIELDS(ALL) FROM User", "MALFORMED_QUERY", "The SOQL FIELDS function must have a LIMIT of at most 200")]
    [InlineData("SELECT FIELDS(ALL) FROM User LIMIT 201", "MALFORMED_QUERY", "The SOQL FIELDS function must have a LIMIT of at most 200")]
    [InlineData("SELECT FIELDS(SOME) FROM User", "MALFORMED_QUERY", "unexpected token: SOME")]
    [InlineData("SELECT COUNT(), FIELDS(STANDARD) FROM User", "MALFORMED_QUERY", "Field must be grouped or aggregated: FIELDS(STANDARD)")]
    [InlineData("SELECT COUNT(), COUNT() FROM User", "MALFORMED_QUERY", "Field must be grouped or aggregated: COUNT()")]
    [InlineData("SELECT Status, COUNT(Id) FROM MessagingSession GROUP BY AgentType", "MALFORMED_QUERY", "Field must be grouped or aggregated: Status")]
    [InlineData("SELECT CreatedDate, COUNT(Id) FROM MessagingSession GROUP BY CreatedDate", "MALFORMED_QUERY",
        "field 'CreatedDate' can not be grouped in a query call")]
    [InlineData("SELECT SUM(Status) FROM MessagingSession", "INVALID_FIELD", "field Status does not support aggregate operator SUM")]
    [InlineData("SELECT AgentType, COUNT(Id) FROM MessagingSession GROUP BY AgentType ORDER BY Status", "MALFORMED_QUERY",
        "Ordered field must be grouped or aggregated: Status")]
    [InlineData("SELECT Owner.Nope FROM MessagingSession", "INVALID_FIELD", "No such column 'Nope' on entity 'Name'.")]
    [InlineData("SELECT Nope.Name FROM MessagingSession", "INVALID_FIELD", "Didn't understand relationship 'Nope' in field path.")]
    [InlineData("SELECT Id FROM MessagingSession WHERE Status = 'Active' AND AgentType = 'Bot' OR Status = 'Ended'", "MALFORMED_QUERY",
        "unexpected token: OR")]
    public void Execute_InvalidQuery_AnswersSalesforceError(string query, string code, string detail)
    {
        var error = _org.Fail(query);

        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(detail, error.Message);
    }
}

using Byoc.Emulator.Apex;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Soql;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Apex;

public sealed class AnonymousApexExecutorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
    private readonly OrgStore _store;
    private readonly AnonymousApexExecutor _executor;
    private readonly string _adminId;

    public AnonymousApexExecutorTests()
    {
        _store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), _time);
        OrgSeeder.SeedIfEmpty(_store, SeedProfile.Complete);
        _adminId = _store.DefaultActorId!;
        _executor = new AnonymousApexExecutor(_store, new SoqlApexQueryExecutor(new SoqlEngine(_store, _time)), _time);
    }

    private string BotId => Single("BotDefinition").Id;

    private string QueueId => _store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single().Id;

    private SObjectRecord Channel => _store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();

    [Fact]
    public void Execute_GuideStepFiveScript_UpdatesChannelAndLogsDebugLine()
    {
        var newQueue = _store.Write(w => w.Insert("Group", new Dictionary<string, object?> { ["Name"] = "Other", ["DeveloperName"] = "Other", ["Type"] = "Queue" }));
        var script = $"""
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'AgentforceChannel' LIMIT 1];
            channel.SessionHandlerId = '{BotId}';
            channel.FallbackQueueId = '{newQueue.Id}';
            update channel;
            System.debug('Updated MessagingChannel: ' + channel.Id + ' with SessionHandlerId: {BotId}');
            """;

        var result = Run(script);

        Assert.True(result.Success, result.CompileProblem ?? result.ExceptionMessage);
        Assert.True(result.Compiled);
        Assert.Equal(-1, result.Line);
        Assert.Equal(newQueue.Id, Channel.GetString("FallbackQueueId"));
        Assert.Equal(BotId, Channel.GetString("SessionHandlerId"));
        Assert.Equal(_adminId, Channel.GetString("LastModifiedById"));
        Assert.Contains($"|USER_DEBUG|[5]|DEBUG|Updated MessagingChannel: {Channel.Id} with SessionHandlerId: {BotId}\n", result.DebugLog, StringComparison.Ordinal);
        Assert.StartsWith("66.0 APEX_CODE,DEBUG;", result.DebugLog, StringComparison.Ordinal);
        Assert.Contains("Execute Anonymous: update channel;", result.DebugLog, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FifteenCharacterIds_AreNormalized()
    {
        var result = Run($"MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1]; c.SessionHandlerId = '{BotId[..15]}'; update c;");

        Assert.True(result.Success, result.ExceptionMessage);
        Assert.Equal(BotId, Channel.GetString("SessionHandlerId"));
    }

    [Fact]
    public void Execute_IfElseWithBindVariableAndOperators_TakesTheRightBranch()
    {
        var script = """
            String name = 'AgentforceChannel';
            Integer limitCount = 1 + 1 - 1;
            List<MessagingChannel> channels = [SELECT Id, IsActive, DeveloperName FROM MessagingChannel WHERE DeveloperName = :name];
            MessagingChannel c = [SELECT Id, IsActive FROM MessagingChannel WHERE DeveloperName = :name LIMIT 1];
            Boolean flag = !(c.IsActive == false) && (limitCount >= 1 || null == c);
            /* block comment */ if (flag) { System.debug('active ' + limitCount); } else System.debug('inactive');
            if (c.Id != null && name == 'agentforcechannel') System.debug('case-insensitive'); // trailing comment
            """;

        var result = Run(script);

        Assert.True(result.Success, result.CompileProblem ?? result.ExceptionMessage);
        Assert.Contains("|USER_DEBUG|[6]|DEBUG|active 1\n", result.DebugLog, StringComparison.Ordinal);
        Assert.Contains("|USER_DEBUG|[7]|DEBUG|case-insensitive\n", result.DebugLog, StringComparison.Ordinal);
        Assert.DoesNotContain("inactive", result.DebugLog.Split("EXECUTION_STARTED")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_InsertThenDebugId_CreatesRecordWithId()
    {
        var result = Run("Group g = new Group(Name = 'Apex Queue', DeveloperName = 'Apex_Queue', Type = 'Queue');\ninsert g;\nSystem.debug(g.Id);");

        Assert.True(result.Success, result.CompileProblem ?? result.ExceptionMessage);
        var queue = Assert.Single(_store.Lookup("Group", "DeveloperName", "Apex_Queue"));
        Assert.Contains($"|USER_DEBUG|[3]|DEBUG|{queue.Id}\n", result.DebugLog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("for (Integer i = 0; i < 3; i++) { }", 1, 1, "Not supported by the emulated org's Apex subset: 'for' statements and declarations.")]
    [InlineData("String s = 'a';\n  class Foo { }", 2, 3, "Not supported by the emulated org's Apex subset: 'class' statements and declarations.")]
    [InlineData("String s = 'a';\nInteger n = s.length();", 2, 15, "Method calls are not supported by the emulated org's Apex subset: s.length(0 arguments)")]
    [InlineData("String s = 'a'\nupdate s;", 2, 1, "Missing ';' at 'update'")]
    [InlineData("String s = 'a';\nString s = 'b';", 2, 1, "Duplicate variable: s")]
    [InlineData("System.debug(missing);", 1, 14, "Variable does not exist: missing")]
    [InlineData("Integer n = 'text';", 1, 13, "Illegal assignment from String to Integer")]
    [InlineData("Widget w;", 1, 1, "Invalid type: Widget")]
    [InlineData("MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nc.Nope__c = 'x';", 2, 3, "Variable does not exist: Nope__c")]
    [InlineData("MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nc.CreatedDate = null;", 2, 3, "Field is not writeable: MessagingChannel.CreatedDate")]
    [InlineData("BotDefinition b = [SELECT Id FROM BotDefinition LIMIT 1];\nupdate b;", 2, 1, "DML operation Update not allowed on BotDefinition")]
    [InlineData("if ('x') { }", 1, 5, "Condition expression must be of type Boolean")]
    [InlineData("String s = 'unterminated;", 1, 12, "Unterminated string literal.")]
    [InlineData("String s = \"double\";", 1, 12, "Unexpected character '\"'.")]
    [InlineData("/* never closed", 1, 1, "Unterminated comment.")]
    public void Execute_OutsideSubsetOrInvalid_IsCompileProblemWithPosition(string script, int line, int column, string problem)
    {
        var result = Run(script);

        Assert.False(result.Compiled);
        Assert.False(result.Success);
        Assert.Equal(problem, result.CompileProblem);
        Assert.Equal((line, column), (result.Line, result.Column));
        Assert.Null(result.ExceptionMessage);
    }

    [Fact]
    public void Execute_QueryOfUnknownColumn_IsCompileProblemLikeSalesforce()
    {
        var result = Run("MessagingChannel c = [SELECT Id, IsActive__x FROM MessagingChannel LIMIT 1];");

        Assert.False(result.Compiled);
        Assert.StartsWith("No such column 'IsActive__x' on entity 'MessagingChannel'.", result.CompileProblem, StringComparison.Ordinal);
        Assert.Equal((1, 23), (result.Line, result.Column));
    }

    [Fact]
    public void Execute_NoRows_ThrowsQueryExceptionAndChangesNothing()
    {
        var before = Channel.GetString("FallbackQueueId");
        var result = Run($"""
            MessagingChannel first = [SELECT Id FROM MessagingChannel LIMIT 1];
            first.FallbackQueueId = null;
            update first;
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'Nope' LIMIT 1];
            """);

        Assert.True(result.Compiled);
        Assert.False(result.Success);
        Assert.Equal("System.QueryException: List has no rows for assignment to SObject", result.ExceptionMessage);
        Assert.Equal("AnonymousBlock: line 4, column 28", result.ExceptionStackTrace);
        Assert.Equal((4, 28), (result.Line, result.Column));
        Assert.Equal(before, Channel.GetString("FallbackQueueId"));
        Assert.Contains("|FATAL_ERROR|System.QueryException: List has no rows for assignment to SObject", result.DebugLog, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_FieldNotQueried_ThrowsSObjectException()
    {
        var result = Run("MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nSystem.debug(c.DeveloperName);");

        Assert.Equal(
            "System.SObjectException: SObject row was retrieved via SOQL without querying the requested field: MessagingChannel.DeveloperName",
            result.ExceptionMessage);
        Assert.Equal(2, result.Line);
    }

    [Fact]
    public void Execute_UpdateOfCreateOnlyField_ThrowsDmlException()
    {
        var result = Run("MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nc.DeveloperName = 'Renamed';\nupdate c;");

        Assert.Equal(
            $"System.DmlException: Update failed. First exception on row 0 with id {Channel.Id}; first error: INVALID_FIELD_FOR_INSERT_UPDATE, " +
            "Unable to create/update fields: DeveloperName. Please check the security settings of this field and verify that it is " +
            "read/write for your profile or permission set.: [DeveloperName]",
            result.ExceptionMessage);
        Assert.Equal(SeededOrg.ChannelDeveloperName, Channel.GetString("DeveloperName"));
    }

    [Fact]
    public void Execute_ReferenceOfWrongType_ThrowsFieldIntegrityException()
    {
        var result = Run($"MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nc.FallbackQueueId = '{_adminId}';\nupdate c;");

        Assert.StartsWith("System.DmlException: Update failed. First exception on row 0 with id ", result.ExceptionMessage, StringComparison.Ordinal);
        Assert.EndsWith($"first error: FIELD_INTEGRITY_EXCEPTION, FallbackQueueId: id value of incorrect type: {_adminId}: [FallbackQueueId]", result.ExceptionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_InvalidIdText_ThrowsStringException()
    {
        var result = Run("MessagingChannel c = [SELECT Id FROM MessagingChannel LIMIT 1];\nc.SessionHandlerId = '$BOT_ID';");

        Assert.Equal("System.StringException: Invalid id: $BOT_ID", result.ExceptionMessage);
    }

    [Fact]
    public void Execute_NullDereference_ThrowsNullPointerException()
    {
        var result = Run("MessagingChannel c;\nc.IsActive = true;");

        Assert.Equal("System.NullPointerException: Attempt to de-reference a null object", result.ExceptionMessage);
        Assert.Equal(2, result.Line);
    }

    [Fact]
    public void Execute_BindVariableWithQuote_IsEscapedNotInjected()
    {
        var result = Run("String name = 'x\\' OR DeveloperName != \\'';\nList<MessagingChannel> found = [SELECT Id FROM MessagingChannel WHERE DeveloperName = :name];\nSystem.debug('found ' + found);");

        Assert.True(result.Success, result.CompileProblem ?? result.ExceptionMessage);
        Assert.Contains("|USER_DEBUG|[3]|DEBUG|found ()\n", result.DebugLog, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(";;;")]
    [InlineData("]]]]")]
    [InlineData("[SELECT")]
    [InlineData("'; DROP TABLE records; --")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\0\u0001\uffff")]
    [InlineData("System.debug(")]
    [InlineData("if (")]
    [InlineData("new")]
    [InlineData("List<List<Group>> x;")]
    [InlineData("Integer i = 99999999999;")]
    [InlineData("String s = '\\q';")]
    public void Execute_OddInput_NeverThrows(string script)
    {
        var result = Run(script);

        Assert.NotNull(result);
        Assert.True(result.Success || result.CompileProblem is not null || result.ExceptionMessage is not null);
    }

    [Fact]
    public void Execute_DeepNesting_IsCompileProblemNotStackOverflow()
    {
        var result = Run("Boolean b = " + new string('(', 5000) + "true" + new string(')', 5000) + ";");

        Assert.False(result.Compiled);
        Assert.Equal("Expression or block nested too deeply.", result.CompileProblem);
    }

    [Fact]
    public void Execute_VeryLongOperatorChain_IsCompileProblemNotStackOverflow()
    {
        var result = Run("Integer n = 1" + string.Concat(Enumerable.Repeat(" + 1", 100_000)) + ";");

        Assert.Equal("Expression too complex.", result.CompileProblem);
    }

    private ApexExecutionResult Run(string script) => _executor.Execute(script, _adminId, "66.0");

    private SObjectRecord Single(string type) => Assert.Single(_store.Records(type));

    public void Dispose() => _store.Dispose();
}

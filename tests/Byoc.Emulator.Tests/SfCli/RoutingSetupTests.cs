using System.Text.Json;
using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// Guide steps 4 and 5 on an org where the provider setup is done: the MessagingChannel checks, the fallback queue, the
/// three id queries, the guide's anonymous Apex and the flow check.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RoutingSetupTests(SfOrg org) : IClassFixture<SfOrg>
{
    private const string QueueXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
        <fullName>AgentforceChannel_Queue</fullName>
        <name>AgentforceChannel Queue</name>
        <queueSobject>
        <sobjectType>MessagingSession</sobjectType>
        </queueSobject>
        </Queue>
        """;

    [Fact]
    public async Task DataQuery_GuideChannelQueries_ReturnTheActiveCustomChannel()
    {
        org.SkipWhenMissing();

        var custom = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel, MessageType, IsActive FROM MessagingChannel WHERE MessageType='Custom'"));
        var details = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel, MessageType, IsActive, MessagingPlatformKey, SessionHandlerId, FallbackQueueId " +
            "FROM MessagingChannel WHERE DeveloperName='AgentforceChannel'"));

        Assert.Equal(SeededOrg.ChannelDeveloperName, Assert.Single(custom).GetProperty("DeveloperName").GetString());
        var channel = Assert.Single(details);
        Assert.Equal("Custom", channel.GetProperty("MessageType").GetString());
        Assert.True(channel.GetProperty("IsActive").GetBoolean());
        Assert.Matches("^0Xx", channel.GetProperty("SessionHandlerId").GetString());
        Assert.Matches("^00G", channel.GetProperty("FallbackQueueId").GetString());
        Assert.Equal(JsonValueKind.String, channel.GetProperty("MessagingPlatformKey").ValueKind);
    }

    [Fact]
    public async Task ProjectDeployStart_GuideQueueMetadata_DeploysAndQueueIsFound()
    {
        org.SkipWhenMissing();
        using var project = SfProject.Create(("queues/AgentforceChannel_Queue.queue-meta.xml", QueueXml));

        var deploy = await org.RunAsync(["project", "deploy", "start", "--target-org", SfOrg.Alias, "--metadata", "Queue:AgentforceChannel_Queue"], project.Path);
        var queue = SfOrg.Records(await org.QueryAsync("SELECT Id FROM Group WHERE Type='Queue' AND DeveloperName='AgentforceChannel_Queue'"));

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Equal("Succeeded", deploy.Result.GetProperty("status").GetString());
        Assert.Equal("AgentforceChannel_Queue", Assert.Single(deploy.Result.GetProperty("files").EnumerateArray()).GetProperty("fullName").GetString());
        Assert.Matches("^00G", Assert.Single(queue).GetProperty("Id").GetString());
    }

    [Fact]
    public async Task ApexRun_GuideScriptWithQueriedIds_RoutesTheChannelToTheAgent()
    {
        org.SkipWhenMissing();
        var channelId = org.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single().Id;
        org.Store.Write(w => w.Update(channelId, new Dictionary<string, object?> { ["SessionHandlerId"] = null, ["FallbackQueueId"] = null }));

        // The guide's `jq -r '.result.records[0].Id'` on each of the three queries.
        var botId = FirstId(await org.QueryAsync("SELECT Id FROM BotDefinition WHERE DeveloperName='Reservation_Agent'"));
        var queueId = FirstId(await org.QueryAsync("SELECT Id FROM Group WHERE Type='Queue' AND DeveloperName='AgentforceChannel_Queue'"));
        var channelQueried = FirstId(await org.QueryAsync("SELECT Id FROM MessagingChannel WHERE DeveloperName='AgentforceChannel'"));
        var script = $"""
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'AgentforceChannel' LIMIT 1];
            channel.SessionHandlerId = '{botId}';
            channel.FallbackQueueId = '{queueId}';
            update channel;
            System.debug('Updated MessagingChannel: ' + channel.Id + ' with SessionHandlerId: {botId}');

            """;

        var result = await org.RunAsync(["apex", "run", "--target-org", SfOrg.Alias], standardInput: script);
        var after = Assert.Single(SfOrg.Records(await org.QueryAsync(
            "SELECT Id, SessionHandlerId, FallbackQueueId FROM MessagingChannel WHERE DeveloperName='AgentforceChannel'")));

        Assert.Equal(channelId, channelQueried);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Result.GetProperty("success").GetBoolean());
        Assert.True(result.Result.GetProperty("compiled").GetBoolean());
        Assert.Contains($"USER_DEBUG|[5]|DEBUG|Updated MessagingChannel: {channelId} with SessionHandlerId: {botId}",
            result.Result.GetProperty("logs").GetString(), StringComparison.Ordinal);
        Assert.Equal((botId, queueId), (after.GetProperty("SessionHandlerId").GetString(), after.GetProperty("FallbackQueueId").GetString()));
    }

    [Fact]
    public async Task ApexRun_CompileProblem_FailsWithExecuteCompileFailure()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["apex", "run", "--target-org", SfOrg.Alias], standardInput: "for (Integer i = 0; i < 1; i++) {}");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("executeCompileFailure", result.ErrorName);
    }

    [Fact]
    public async Task ApexRun_NoRows_FailsWithExecuteRuntimeFailure()
    {
        org.SkipWhenMissing();

        var result = await org.RunAsync(["apex", "run", "--target-org", SfOrg.Alias],
            standardInput: "MessagingChannel c = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'Nope' LIMIT 1];");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("executeRuntimeFailure", result.ErrorName);
        Assert.Contains("System.QueryException: List has no rows for assignment to SObject", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataQuery_FlowDefinitionWithoutTooling_FailsWithInvalidType()
    {
        org.SkipWhenMissing();

        var result = await org.QueryAsync("SELECT Id, MasterLabel, ProcessType FROM FlowDefinition WHERE ProcessType='Flow' AND MasterLabel LIKE '%Byoc%'");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("INVALID_TYPE", result.ErrorName);
        Assert.Contains("sObject type 'FlowDefinition' is not supported.", result.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataQuery_GuideFlowQueryWithTooling_FailsOnProcessTypeAndCorrectedQuerySucceeds()
    {
        org.SkipWhenMissing();

        var guide = await org.QueryAsync("SELECT Id, MasterLabel, ProcessType FROM FlowDefinition WHERE ProcessType='Flow' AND MasterLabel LIKE '%Byoc%'", tooling: true);
        var corrected = await org.QueryAsync("SELECT Id, DeveloperName, MasterLabel, ActiveVersionId FROM FlowDefinition WHERE MasterLabel LIKE '%Byoc%'", tooling: true);

        Assert.Equal(1, guide.ExitCode);
        Assert.Equal("INVALID_FIELD", guide.ErrorName);
        Assert.Contains("No such column 'ProcessType' on entity 'FlowDefinition'.", guide.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(SfOrg.Records(corrected));
    }

    private static string FirstId(TestUtilities.SalesforceCli.SfResult result) => SfOrg.Records(result)[0].GetProperty("Id").GetString()!;
}

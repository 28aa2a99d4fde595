using Byoc.Emulator.Org.Seed;
using Byoc.TestUtilities.SalesforceCli;

namespace Byoc.Emulator.Tests.Soap;

/// <summary>The real sf CLI against the SOAP APIs (REST bootstrap calls stubbed until the REST surface is merged).</summary>
[Trait("Category", "Slow")]
public sealed class SalesforceCliTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ApexRun_GuideStepFiveScript_UpdatesChannel()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.Complete, CliBootstrapStubs.Map);
        var bot = host.Store.Records("BotDefinition").Single().Id;
        var queue = host.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single().Id;
        host.Store.Write(w => w.Update(host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single().Id,
            new Dictionary<string, object?> { ["SessionHandlerId"] = null, ["FallbackQueueId"] = null }));
        var script = $"""
            MessagingChannel channel = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'AgentforceChannel' LIMIT 1];
            channel.SessionHandlerId = '{bot}';
            channel.FallbackQueueId = '{queue}';
            update channel;
            System.debug('Updated MessagingChannel: ' + channel.Id + ' with SessionHandlerId: {bot}');

            """;

        var result = await sf!.RunAsync(["apex", "run", "--target-org", host.Tokens.Token, "--json"],
            SalesforceCli.TokenEnvironment(host.BaseAddress), standardInput: script, timeout: s_timeout,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Result.GetProperty("success").GetBoolean());
        Assert.Contains("USER_DEBUG|[5]|DEBUG|Updated MessagingChannel: ", result.Result.GetProperty("logs").GetString(), StringComparison.Ordinal);
        var channel = host.Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();
        Assert.Equal((bot, queue), (channel.GetString("SessionHandlerId"), channel.GetString("FallbackQueueId")));
    }

    [Fact]
    public async Task ApexRun_CompileProblem_FailsWithExecuteCompileFailure()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.Complete, CliBootstrapStubs.Map);

        var result = await sf!.RunAsync(["apex", "run", "--target-org", host.Tokens.Token, "--json"],
            SalesforceCli.TokenEnvironment(host.BaseAddress), standardInput: "for (Integer i = 0; i < 1; i++) {}", timeout: s_timeout,
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("executeCompileFailure", result.ErrorName);
    }

    [Fact]
    public async Task ProjectDeployStart_GuideQueue_CreatesQueue()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly, CliBootstrapStubs.Map);
        var project = Directory.CreateTempSubdirectory("byoc-sf-project-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "sfdx-project.json"),
                """{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}""");
            var queues = Directory.CreateDirectory(Path.Combine(project, "force-app", "main", "default", "queues")).FullName;
            File.WriteAllText(Path.Combine(queues, "AgentforceChannel_Queue.queue-meta.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <Queue xmlns="http://soap.sforce.com/2006/04/metadata">
                <fullName>AgentforceChannel_Queue</fullName>
                <name>AgentforceChannel Queue</name>
                <queueSobject>
                <sobjectType>MessagingSession</sobjectType>
                </queueSobject>
                </Queue>
                """);

            var login = await sf!.LoginWithAccessTokenAsync(host.BaseAddress, host.Tokens.Token, "emu", TestContext.Current.CancellationToken);
            Assert.True(login.ExitCode == 0, login.ToString());

            var result = await sf.RunAsync(["project", "deploy", "start", "--target-org", "emu", "--metadata", "Queue:AgentforceChannel_Queue", "--json"],
                workingDirectory: project, timeout: s_timeout, cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("Succeeded", result.Result.GetProperty("status").GetString());
            Assert.Single(host.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }
}

using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Org.Settings;
using Byoc.Emulator.Packages;
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
    public async Task ApexRun_NoRows_FailsWithExecuteRuntimeFailure()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.Complete, CliBootstrapStubs.Map);

        var result = await sf!.RunAsync(["apex", "run", "--target-org", host.Tokens.Token, "--json"],
            SalesforceCli.TokenEnvironment(host.BaseAddress), standardInput: "MessagingChannel c = [SELECT Id FROM MessagingChannel WHERE DeveloperName = 'Nope' LIMIT 1];",
            timeout: s_timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("executeRuntimeFailure", result.ErrorName);
        Assert.Contains("System.QueryException: List has no rows for assignment to SObject", result.StandardOutput, StringComparison.Ordinal);
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

    [Fact]
    public async Task ProjectDeployStart_ProviderSourceTree_AppliesEveryComponent()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly, CliBootstrapStubs.Map);
        var project = Directory.CreateTempSubdirectory("byoc-sf-project-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(project, "sfdx-project.json"),
                """{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}""");
            var root0 = Path.Combine(project, "force-app", "main", "default");
            void Write(string path, string root, string body)
            {
                var full = Path.Combine(root0, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n{body}\n</{root}>\n");
            }

            Write("objects/Acme_Interaction__e/Acme_Interaction__e.object-meta.xml", "CustomObject",
                "<deploymentStatus>Deployed</deploymentStatus><eventType>HighVolume</eventType><label>Acme Interaction</label><pluralLabel>Acme Interactions</pluralLabel><publishBehavior>PublishImmediately</publishBehavior>");
            Write("objects/Acme_Interaction__e/fields/EventType__c.field-meta.xml", "CustomField",
                "<fullName>EventType__c</fullName><label>Event Type</label><length>255</length><type>Text</type>");
            Write("objects/Acme_Interaction__e/fields/Payload__c.field-meta.xml", "CustomField",
                "<fullName>Payload__c</fullName><label>Payload</label><length>131072</length><type>LongTextArea</type><visibleLines>3</visibleLines>");
            Write("permissionsets/sfdc_scrt2.permissionset-meta.xml", "PermissionSet",
                "<label>SCRT2 Integration User</label><objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Acme_Interaction__e</object><viewAllRecords>false</viewAllRecords></objectPermissions>");
            Write("ConversationVendorInformation/Acme_Vendor.ConversationVendorInformation-meta.xml", "ConversationVendorInfo",
                "<masterLabel>Acme</masterLabel><vendorType>BringYourOwnChannelPartner</vendorType>");
            Write("conversationChannelDefinitions/Acme_Definition.ConversationChannelDefinition-meta.xml", "ConversationChannelDefinition",
                "<masterLabel>Acme</masterLabel><conversationVendorInfo>Acme_Vendor</conversationVendorInfo><customPlatformEvent>Acme_Interaction__e</customPlatformEvent><customEventTypeField>Acme_Interaction__e.EventType__c</customEventTypeField><customEventPayloadField>Acme_Interaction__e.Payload__c</customEventPayloadField><routingOwner>Salesforce</routingOwner><consentOwner>Salesforce</consentOwner>");
            Write("queues/AgentforceChannel_Queue.queue-meta.xml", "Queue",
                "<fullName>AgentforceChannel_Queue</fullName><name>AgentforceChannel Queue</name><queueSobject><sobjectType>MessagingSession</sobjectType></queueSobject>");
            Write("messagingChannels/AgentforceChannel.messagingChannel-meta.xml", "MessagingChannel",
                "<masterLabel>Agentforce Channel</masterLabel><messagingChannelType>Custom</messagingChannelType><conversationChannelDefinition>Acme_Definition</conversationChannelDefinition><sessionHandlerType>AgentforceServiceAgent</sessionHandlerType><sessionHandlerAsa>Reservation_Agent</sessionHandlerAsa><sessionHandlerQueue>AgentforceChannel_Queue</sessionHandlerQueue>");
            Write("settings/OmniChannel.settings-meta.xml", "OmniChannelSettings", "<enableOmniChannel>true</enableOmniChannel>");
            var login = await sf!.LoginWithAccessTokenAsync(host.BaseAddress, host.Tokens.Token, "emu", TestContext.Current.CancellationToken);
            Assert.True(login.ExitCode == 0, login.ToString());

            var result = await sf.RunAsync(["project", "deploy", "start", "--target-org", "emu", "--source-dir", "force-app", "--json"],
                workingDirectory: project, timeout: s_timeout, cancellationToken: TestContext.Current.CancellationToken);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("Succeeded", result.Result.GetProperty("status").GetString());
            Assert.DoesNotContain(result.Json.GetProperty("warnings").EnumerateArray(), w => (w.GetString() ?? "").Contains("not found in the local project", StringComparison.Ordinal));
            Assert.NotNull(host.Store.Schema.FindObject("Acme_Interaction__e")?.FindField("Payload__c"));
            Assert.Single(host.Store.Lookup("ConversationChannelDefinition", "DeveloperName", "Acme_Definition"));
            Assert.Single(host.Store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel"));
            Assert.True(OrgSettings.IsEnabled(host.Store, "OmniChannel", "enableOmniChannel"));
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task PackageInstall_ProviderPackage_Succeeds()
    {
        using var sf = SalesforceCli.Locate();
        Assert.SkipWhen(sf is null, SalesforceCli.SkipReason);
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly, CliBootstrapStubs.Map);

        var result = await sf!.RunAsync(["package", "install", "--target-org", host.Tokens.Token, "--package", ProviderPackage.VersionId15, "--wait", "10", "--no-prompt", "--json"],
            SalesforceCli.TokenEnvironment(host.BaseAddress), timeout: s_timeout, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("SUCCESS", result.Result.GetProperty("Status").GetString());
        Assert.Single(host.Store.Records("InstalledSubscriberPackage"));
    }
}

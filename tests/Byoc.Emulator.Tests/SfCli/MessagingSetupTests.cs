using Byoc.Emulator.Org.Settings;
using Byoc.Emulator.Packages;
using Byoc.TestUtilities;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>
/// Guide steps 2 and 3 on an org that has only the guide's prerequisites: the Omni-Channel settings deploy, the service
/// channel, the provider package install, and a deploy of the repository's own provider source (<c>salesforce/</c>).
/// </summary>
[Trait("Category", "Slow")]
public sealed class MessagingSetupTests(PrerequisitesSfOrg org) : IClassFixture<PrerequisitesSfOrg>
{
    [Fact]
    public async Task ProjectDeployStart_GuideOmniChannelSettings_EnablesOmniChannel()
    {
        org.SkipWhenMissing();
        using var project = SfProject.Create(("settings/OmniChannel.settings-meta.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <OmniChannelSettings xmlns="http://soap.sforce.com/2006/04/metadata">
            <enableOmniChannel>true</enableOmniChannel>
            </OmniChannelSettings>
            """));

        var result = await org.RunAsync(["project", "deploy", "start", "--target-org", SfOrg.Alias,
            "--source-dir", "force-app/main/default/settings/OmniChannel.settings-meta.xml"], project.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Succeeded", result.Result.GetProperty("status").GetString());
        var file = Assert.Single(result.Result.GetProperty("files").EnumerateArray());
        Assert.Equal(("OmniChannel", "Settings"), (file.GetProperty("fullName").GetString(), file.GetProperty("type").GetString()));
        Assert.True(OrgSettings.IsEnabled(org.Store, "OmniChannel", "enableOmniChannel"));
    }

    [Fact]
    public async Task DataQuery_LiveMessageServiceChannel_ReturnsOneRecord()
    {
        org.SkipWhenMissing();

        var records = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel FROM ServiceChannel WHERE DeveloperName='sfdc_livemessage' LIMIT 1"));

        Assert.Equal("sfdc_livemessage", Assert.Single(records).GetProperty("DeveloperName").GetString());
    }

    [Fact]
    public async Task PackageInstall_ProviderPackage_InstallsAndIsListed()
    {
        org.SkipWhenMissing();

        var install = await org.RunAsync(["package", "install", "--target-org", SfOrg.Alias, "--package", ProviderPackage.VersionId15,
            "--wait", "10", "--no-prompt"]);
        var list = await org.RunAsync(["package", "installed", "list", "--target-org", SfOrg.Alias]);

        Assert.True(install.ExitCode == 0, install.ToString());
        Assert.Equal("SUCCESS", install.Result.GetProperty("Status").GetString());
        Assert.True(list.ExitCode == 0, list.ToString());
        var package = Assert.Single(list.Result.EnumerateArray());
        Assert.Equal(ProviderPackage.VersionId, package.GetProperty("SubscriberPackageVersionId").GetString());
        Assert.Equal("BYOC Connector", package.GetProperty("SubscriberPackageName").GetString());
    }

    [Fact]
    public async Task DataQuery_NamedCredentialLike_Succeeds()
    {
        org.SkipWhenMissing();

        var result = await org.QueryAsync("SELECT Id, MasterLabel, DeveloperName FROM NamedCredential WHERE DeveloperName LIKE '%Byoc%'");

        Assert.Empty(SfOrg.Records(result));
        Assert.True(result.Result.GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task ProjectDeployStart_RepositoryProviderPackageSource_Succeeds()
    {
        org.SkipWhenMissing();
        using var project = SfProject.CopyOf(Path.Combine(RepositoryPaths.Root, "salesforce"));

        var result = await org.RunAsync(["project", "deploy", "start", "--target-org", SfOrg.Alias, "--source-dir", "force-app"], project.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Succeeded", result.Result.GetProperty("status").GetString());
        Assert.Equal(Directory.EnumerateFiles(Path.Combine(project.Path, "force-app"), "*-meta.xml", SearchOption.AllDirectories).Count(),
            result.Result.GetProperty("numberComponentsDeployed").GetInt32());
        Assert.NotNull(org.Store.Schema.FindObject("Byoc_Interaction__e")?.FindField("Payload__c"));
        Assert.Single(org.Store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
    }

    [Fact]
    public async Task ProjectDeployStart_ProviderSourceTree_AppliesEveryComponent()
    {
        org.SkipWhenMissing();
        using var project = SfProject.Create();
        void Write(string path, string root, string body) => project.Write(path,
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<{root} xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n{body}\n</{root}>\n");

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

        var result = await org.RunAsync(["project", "deploy", "start", "--target-org", SfOrg.Alias, "--source-dir", "force-app"], project.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("Succeeded", result.Result.GetProperty("status").GetString());
        Assert.DoesNotContain(result.Json.GetProperty("warnings").EnumerateArray(), w => (w.GetString() ?? "").Contains("not found in the local project", StringComparison.Ordinal));
        Assert.NotNull(org.Store.Schema.FindObject("Acme_Interaction__e")?.FindField("Payload__c"));
        Assert.Single(org.Store.Lookup("ConversationChannelDefinition", "DeveloperName", "Acme_Definition"));
        Assert.Single(org.Store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel"));
    }
}

using Byoc.Emulator.Metadata;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Org.Settings;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Metadata;

public sealed class MetadataDeployerTests : IDisposable
{
    private static readonly DeployOptions s_cliDefaults = new(CheckOnly: false, RollbackOnError: true, IgnoreWarnings: false, SinglePackage: true);

    private readonly OrgStore _store;
    private readonly MetadataDeployer _deployer;

    public MetadataDeployerTests()
    {
        _store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero)));
        OrgSeeder.SeedIfEmpty(_store, SeedProfile.PrerequisitesOnly);
        _deployer = new MetadataDeployer(_store);
    }

    [Fact]
    public void Deploy_Queue_CreatesQueueGroupAndQueueSobject()
    {
        var outcome = Deploy(DeployZip.Queue());

        Assert.Equal("Succeeded", outcome.Status);
        var result = Assert.Single(outcome.Components);
        Assert.Equal(("Queue", "AgentforceChannel_Queue", "queues/AgentforceChannel_Queue.queue", true, true), (result.Type, result.FullName, result.FileName, result.Success, result.Created));
        var queue = Assert.Single(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
        Assert.Equal(("Queue", "AgentforceChannel Queue"), (queue.GetString("Type"), queue.GetString("Name")));
        Assert.Equal(queue.Id, result.Id);
        Assert.Equal("MessagingSession", Assert.Single(_store.Lookup("QueueSobject", "QueueId", queue.Id)).GetString("SobjectType"));
    }

    [Fact]
    public void Deploy_QueueTwice_ReportsChangedAndKeepsOneQueue()
    {
        Deploy(DeployZip.Queue());

        var result = Assert.Single(Deploy(DeployZip.Queue()).Components);

        Assert.True(result.Changed);
        Assert.False(result.Created);
        var queue = Assert.Single(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
        Assert.Single(_store.Lookup("QueueSobject", "QueueId", queue.Id));
    }

    [Fact]
    public void Deploy_OmniChannelSettings_StoresTheSetting()
    {
        Assert.False(OrgSettings.IsEnabled(_store, "OmniChannel", "enableOmniChannel"));

        var outcome = Deploy(DeployZip.OmniChannel());

        Assert.Equal("Succeeded", outcome.Status);
        Assert.Equal(("Settings", "OmniChannel", "settings/OmniChannel.settings"), (outcome.Components[0].Type, outcome.Components[0].FullName, outcome.Components[0].FileName));
        Assert.True(OrgSettings.IsEnabled(_store, "OmniChannel", "enableOmniChannel"));
    }

    [Fact]
    public void Deploy_PlatformEventWithTwoFields_DefinesTheEventType()
    {
        var outcome = Deploy(DeployZip.PlatformEvent(new DeployZip()));

        Assert.Equal("Succeeded", outcome.Status);
        Assert.Equal(["CustomObject", "CustomField", "CustomField"], outcome.Components.Select(c => c.Type));
        Assert.All(outcome.Components, c => Assert.Equal("objects/Acme_Interaction__e.object", c.FileName));
        var platformEvent = _store.Schema.FindObject("Acme_Interaction__e");
        Assert.NotNull(platformEvent);
        Assert.True(platformEvent.IsPlatformEvent);
        Assert.Equal((FieldType.String, 255), (platformEvent.FindField("EventType__c")!.Type, platformEvent.FindField("EventType__c")!.Length));
        Assert.Equal(FieldType.TextArea, platformEvent.FindField("Payload__c")!.Type);
        Assert.Equal("Acme Interaction", platformEvent.Label);
    }

    [Fact]
    public void Deploy_PermissionSetWithObjectPermissions_CreatesRecords()
    {
        var zip = DeployZip.PlatformEvent(new DeployZip()).Add("PermissionSet", "sfdc_scrt2", "permissionsets/sfdc_scrt2.permissionset",
            DeployZip.Md("PermissionSet", """
                <label>SCRT2 Integration User</label>
                <objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Acme_Interaction__e</object><viewAllRecords>false</viewAllRecords></objectPermissions>
                """));

        var outcome = Deploy(zip);

        Assert.Equal("Succeeded", outcome.Status);
        var permissionSet = Assert.Single(_store.Lookup("PermissionSet", "Name", "sfdc_scrt2"));
        Assert.True(outcome.Components.Single(c => c.Type == "PermissionSet").Changed);
        var permission = Assert.Single(_store.Lookup("ObjectPermissions", "ParentId", permissionSet.Id));
        Assert.Equal("Acme_Interaction__e", permission.GetString("SobjectType"));
        Assert.True(permission.GetBoolean("PermissionsRead"));
        Assert.True(permission.GetBoolean("PermissionsCreate"));
        Assert.False(permission.GetBoolean("PermissionsEdit"));
    }

    [Fact]
    public void Deploy_ChannelDefinitionAndMessagingChannel_CreatesLinkedRecords()
    {
        var bot = _store.Records("BotDefinition").Single();
        var zip = DeployZip.PlatformEvent(DeployZip.Queue())
            .Add("ConversationVendorInfo", "Acme_Vendor", "ConversationVendorInformation/Acme_Vendor.ConversationVendorInformation",
                DeployZip.Md("ConversationVendorInfo", "<masterLabel>Acme</masterLabel><vendorType>BringYourOwnChannelPartner</vendorType>"))
            .Add("ConversationChannelDefinition", "Acme_Definition", "conversationChannelDefinitions/Acme_Definition.ConversationChannelDefinition",
                DeployZip.Md("ConversationChannelDefinition", """
                    <masterLabel>Acme</masterLabel><conversationVendorInfo>Acme_Vendor</conversationVendorInfo>
                    <customPlatformEvent>Acme_Interaction__e</customPlatformEvent><customEventTypeField>Acme_Interaction__e.EventType__c</customEventTypeField>
                    <customEventPayloadField>Payload__c</customEventPayloadField><routingOwner>Salesforce</routingOwner><consentOwner>Salesforce</consentOwner>
                    <capabilitiesSupportsImplicitConsent>true</capabilitiesSupportsImplicitConsent>
                    """))
            .Add("MessagingChannel", "AgentforceChannel", "messagingChannels/AgentforceChannel.messagingChannel",
                DeployZip.Md("MessagingChannel", $"""
                    <masterLabel>Agentforce Channel</masterLabel><messagingChannelType>Custom</messagingChannelType>
                    <conversationChannelDefinition>Acme_Definition</conversationChannelDefinition>
                    <sessionHandlerType>AgentforceServiceAgent</sessionHandlerType><sessionHandlerAsa>{bot.GetString("DeveloperName")}</sessionHandlerAsa>
                    <sessionHandlerQueue>AgentforceChannel_Queue</sessionHandlerQueue>
                    """));

        var outcome = Deploy(zip);

        Assert.True(outcome.Status == "Succeeded", string.Join("; ", outcome.Components.Select(c => c.Problem)));
        var definition = Assert.Single(_store.Lookup("ConversationChannelDefinition", "DeveloperName", "Acme_Definition"));
        Assert.Equal(("Acme_Interaction__e", "EventType__c", "Payload__c", "Salesforce", true),
            (definition.GetString("CustomPlatformEvent"), definition.GetString("CustomEventTypeField"), definition.GetString("CustomEventPayloadField"),
             definition.GetString("RoutingOwner"), definition.GetBoolean("CapabilitiesSupportsImplicitConsent")));
        Assert.Equal(_store.Lookup("ConversationVendorInfo", "DeveloperName", "Acme_Vendor").Single().Id, definition.GetString("ConversationVendorInfoId"));
        var channel = Assert.Single(_store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel"));
        Assert.Equal(("Custom", true, bot.Id, definition.Id), (channel.GetString("MessageType"), channel.GetBoolean("IsActive"), channel.GetString("SessionHandlerId"), channel.GetString("ChannelDefinitionId")));
        Assert.Equal(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue").Single().Id, channel.GetString("FallbackQueueId"));
        Assert.True(Guid.TryParse(channel.GetString("ChannelAddressIdentifier"), out _));
        Assert.Single(_store.Lookup("CustomMsgChannel", "MessagingChannelId", channel.Id));
    }

    [Fact]
    public void Deploy_ChannelDefinitionForMissingEvent_FailsThatComponent()
    {
        var zip = new DeployZip().Add("ConversationChannelDefinition", "Bad", "conversationChannelDefinitions/Bad.ConversationChannelDefinition",
            DeployZip.Md("ConversationChannelDefinition", "<masterLabel>Bad</masterLabel><customPlatformEvent>Missing__e</customPlatformEvent>"));

        var result = Assert.Single(Deploy(zip).Components);

        Assert.False(result.Success);
        Assert.Equal("In field: customPlatformEvent - no CustomObject named Missing__e found", result.Problem);
    }

    [Fact]
    public void Deploy_UnknownTypeWithRollbackOnError_FailsAndAppliesNothing()
    {
        var zip = DeployZip.Queue().Add("ApexClass", "Foo", "classes/Foo.cls", "public class Foo {}");

        var outcome = Deploy(zip);

        Assert.Equal("Failed", outcome.Status);
        var failure = Assert.Single(outcome.Components, c => !c.Success);
        Assert.Equal(("ApexClass", "Foo"), (failure.Type, failure.FullName));
        Assert.StartsWith("The emulated org cannot deploy metadata type 'ApexClass'", failure.Problem, StringComparison.Ordinal);
        Assert.Empty(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
    }

    [Fact]
    public void Deploy_UnknownTypeWithoutRollbackOnError_KeepsTheSuccesses()
    {
        var zip = DeployZip.Queue().Add("ApexClass", "Foo", "classes/Foo.cls", "public class Foo {}");

        var outcome = _deployer.Deploy(zip.Build(), s_cliDefaults with { RollbackOnError = false }, _store.DefaultActorId!);

        Assert.Equal("SucceededPartial", outcome.Status);
        Assert.Equal((1, 1), (outcome.Deployed, outcome.Errors));
        Assert.Single(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
    }

    [Fact]
    public void Deploy_CheckOnly_ValidatesWithoutApplying()
    {
        var outcome = _deployer.Deploy(DeployZip.PlatformEvent(DeployZip.Queue()).Build(), s_cliDefaults with { CheckOnly = true }, _store.DefaultActorId!);

        Assert.Equal("Succeeded", outcome.Status);
        Assert.Empty(_store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
        Assert.Null(_store.Schema.FindObject("Acme_Interaction__e"));
    }

    [Fact]
    public void Deploy_MemberWithoutFile_FailsThatComponent()
    {
        var result = Assert.Single(Deploy(new DeployZip().Add("Queue", "Ghost")).Components);

        Assert.Equal("An object 'Ghost' of type Queue was named in package.xml, but was not found in zipped directory", result.Problem);
    }

    [Fact]
    public void Deploy_NotAZip_FailsWithPackageProblem()
    {
        var outcome = _deployer.Deploy([1, 2, 3], s_cliDefaults, _store.DefaultActorId!);

        Assert.Equal("Failed", outcome.Status);
        Assert.Equal("The deploy zip is not a valid zip file.", outcome.ErrorMessage);
    }

    [Fact]
    public void Deploy_SettingsAndPlatformEvent_SurviveReopeningThePersistedOrg()
    {
        var path = Path.Combine(Path.GetTempPath(), $"byoc-deploy-{Guid.NewGuid():N}.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));
        try
        {
            using (var store = new OrgStore(new OrgSchema(), new OrgStoreOptions { DatabasePath = path }, time))
            {
                OrgSeeder.SeedIfEmpty(store, SeedProfile.PrerequisitesOnly);
                var outcome = new MetadataDeployer(store).Deploy(DeployZip.PlatformEvent(DeployZip.OmniChannel()).Build(), s_cliDefaults, store.DefaultActorId!);
                Assert.Equal("Succeeded", outcome.Status);
            }

            using var reopened = new OrgStore(new OrgSchema(), new OrgStoreOptions { DatabasePath = path }, time);
            Assert.True(OrgSettings.IsEnabled(reopened, "OmniChannel", "enableOmniChannel"));
            Assert.NotNull(reopened.Schema.FindObject("Acme_Interaction__e")?.FindField("Payload__c"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private DeployOutcome Deploy(DeployZip zip) => _deployer.Deploy(zip.Build(), s_cliDefaults, _store.DefaultActorId!);

    public void Dispose() => _store.Dispose();
}

using Byoc.Emulator.Org.Schema;

namespace Byoc.Emulator.Tests.Soql;

/// <summary>Every query of the setup guide (seeds/000_…txt), answered as a real org would.</summary>
public sealed class SoqlGuideQueryTests : IDisposable
{
    private readonly SoqlTestOrg _org = new();

    public void Dispose() => _org.Dispose();

    [Fact]
    public void Execute_BotDefinitionWithIsActive_InvalidField()
    {
        const string Query = "SELECT Id, DeveloperName, MasterLabel, AgentType FROM BotDefinition WHERE DeveloperName='Reservation_Agent' AND IsActive=true";

        var error = _org.Fail(Query);

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        var column = Query.IndexOf("IsActive", StringComparison.Ordinal) + 1;
        Assert.StartsWith($"\n{Query}\n{new string(' ', column - 1)}^\nERROR at Row:1:Column:{column}\n", error.Message);
        Assert.EndsWith("No such column 'IsActive' on entity 'BotDefinition'. If you are attempting to use a custom field, be sure to " +
            "append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
            error.Message);
    }

    [Fact]
    public void Execute_ActiveAgentThroughBotVersionSemiJoin_ReturnsAgent()
    {
        var result = _org.Query("SELECT Id, DeveloperName, MasterLabel, AgentType FROM BotDefinition WHERE DeveloperName='Reservation_Agent' " +
            "AND Id IN (SELECT BotDefinitionId FROM BotVersion WHERE Status = 'active')");

        var bot = Assert.Single(result.Records);
        Assert.Equal("AgentforceServiceAgent", bot.GetString("AgentType"));
        Assert.Equal(["Id", "DeveloperName", "MasterLabel", "AgentType"], result.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Execute_AgentWithoutActiveVersion_ExcludedBySemiJoin()
    {
        var version = _org.Store.Records("BotVersion").Single();
        _org.Store.Write(w => w.Update(version.Id, new Dictionary<string, object?> { ["Status"] = "Inactive" }));

        var result = _org.Query("SELECT Id FROM BotDefinition WHERE Id IN (SELECT BotDefinitionId FROM BotVersion WHERE Status = 'Active')");

        Assert.Empty(result.Records);
    }

    [Theory]
    [InlineData("SELECT Id, Status, IsProvisioned FROM PackageLicense WHERE NamespacePrefix='sfdc_livemessage' AND IsProvisioned = true", 1)]
    [InlineData("SELECT Id, DeveloperName, MasterLabel FROM ServiceChannel WHERE DeveloperName='sfdc_livemessage' LIMIT 1", 1)]
    [InlineData("SELECT Id, DeveloperName, MasterLabel, MessageType, IsActive FROM MessagingChannel WHERE MessageType='Custom'", 1)]
    [InlineData("SELECT Id, DeveloperName, MasterLabel, MessageType, IsActive, MessagingPlatformKey, SessionHandlerId, FallbackQueueId " +
        "FROM MessagingChannel WHERE DeveloperName='AgentforceChannel'", 1)]
    [InlineData("SELECT Id FROM Group WHERE Type='Queue' AND DeveloperName='AgentforceChannel_Queue'", 1)]
    [InlineData("SELECT Id FROM BotDefinition WHERE DeveloperName='Reservation_Agent'", 1)]
    [InlineData("SELECT Id FROM MessagingChannel WHERE DeveloperName='AgentforceChannel'", 1)]
    [InlineData("SELECT Id, MasterLabel, DeveloperName FROM NamedCredential WHERE DeveloperName LIKE '%Twilio%'", 0)]
    [InlineData("SELECT Id, Status, AgentType, OwnerId, CreatedDate, MessagingChannelId FROM MessagingSession " +
        "WHERE MessagingChannel.DeveloperName='AgentforceChannel' ORDER BY CreatedDate DESC LIMIT 5", 3)]
    [InlineData("SELECT Id, Status, AgentType, OwnerId, CreatedDate FROM MessagingSession WHERE MessagingChannel.MessageType='Custom' " +
        "ORDER BY CreatedDate DESC LIMIT 5", 3)]
    [InlineData("SELECT Id, WorkItemId, BotId, RoutingType, CreatedDate FROM AgentWork ORDER BY CreatedDate DESC LIMIT 5", 0)]
    [InlineData("SELECT Id, Status, OwnerId, Owner.Name, AgentType FROM MessagingSession " +
        "WHERE MessagingChannel.DeveloperName='AgentforceChannel' ORDER BY CreatedDate DESC LIMIT 1", 1)]
    [InlineData("SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization", 1)]
    public void Execute_ValidGuideQuery_ReturnsRecords(string query, int expected)
    {
        Assert.Equal(expected, _org.Query(query).Records.Count);
    }

    [Fact]
    public void Execute_PackageLicenseName_InvalidField()
    {
        // PackageLicense has no Name field (org-emulation.md §5.9), so the guide's licence check fails on a real org too.
        var error = _org.Fail("SELECT Id, Name, Status, IsProvisioned FROM PackageLicense WHERE NamespacePrefix='sfdc_livemessage'");

        Assert.Equal("INVALID_FIELD", error.ErrorCode);
        Assert.Contains("No such column 'Name' on entity 'PackageLicense'.", error.Message);
    }

    [Fact]
    public void Execute_MessagingEvent_InvalidType()
    {
        const string Query = "SELECT Id, MessageText, SenderType, CreatedDate FROM MessagingEvent WHERE " +
            "MessagingSession.MessagingChannel.DeveloperName='AgentforceChannel' ORDER BY CreatedDate DESC LIMIT 10";

        var error = _org.Fail(Query);

        Assert.Equal("INVALID_TYPE", error.ErrorCode);
        Assert.Contains($"ERROR at Row:1:Column:{Query.IndexOf("MessagingEvent", StringComparison.Ordinal) + 1}\n", error.Message);
        Assert.EndsWith("sObject type 'MessagingEvent' is not supported. If you are attempting to use a custom object, be sure to append " +
            "the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.", error.Message);
    }

    [Fact]
    public void Execute_TranscriptThroughConversationEntry_ReturnsMessages()
    {
        var result = _org.Query("SELECT Id, Message, ActorType, EntryTime FROM ConversationEntry WHERE ConversationId = '" +
            _org.Escalated + "' ORDER BY EntryTime");

        Assert.Equal("I want to speak to a human", Assert.Single(result.Records).GetString("Message"));
    }

    [Fact]
    public void Execute_FlowDefinitionOnDataApi_InvalidType()
    {
        var error = _org.Fail("SELECT Id, MasterLabel, ProcessType FROM FlowDefinition WHERE ProcessType='Flow' AND MasterLabel LIKE '%Acme%'");

        Assert.Equal("INVALID_TYPE", error.ErrorCode);
        Assert.Contains("sObject type 'FlowDefinition' is not supported.", error.Message);
    }

    [Fact]
    public void Execute_FlowDefinitionOnToolingApi_Answers()
    {
        Assert.Empty(_org.Query("SELECT Id, MasterLabel FROM FlowDefinition WHERE MasterLabel LIKE '%Acme%'", ApiSurface.Tooling).Records);
        Assert.Equal("INVALID_FIELD", _org.Fail("SELECT Id FROM FlowDefinition WHERE ProcessType='Flow'", ApiSurface.Tooling).ErrorCode);
    }

    [Fact]
    public void Execute_DataTypeOnToolingApi_InvalidType()
    {
        Assert.Equal("INVALID_TYPE", _org.Fail("SELECT Id FROM MessagingSession", ApiSurface.Tooling).ErrorCode);
        Assert.Single(_org.Query("SELECT Id FROM ConversationChannelDefinition", ApiSurface.Tooling).Records);
    }

    [Fact]
    public void Execute_ScratchOrgInfo_InvalidType()
    {
        Assert.Equal("INVALID_TYPE", _org.Fail("SELECT Id FROM ScratchOrgInfo limit 1").ErrorCode);
    }

    [Fact]
    public void Execute_EscalatedSession_OwnerNameResolvesToQueue()
    {
        var result = _org.Query("SELECT Id, Owner.Name FROM MessagingSession ORDER BY CreatedDate DESC LIMIT 1");

        var session = Assert.Single(result.Records);
        var owner = Assert.Single(result.Columns, c => c.Name == "Owner");
        var name = Assert.Single(owner.Children);
        Assert.Equal("Owner.Name", name.DisplayPath);
        Assert.Equal("Group", _org.Store.Get(session.GetString("OwnerId")!)!.ObjectName);
        Assert.Equal("AgentforceChannel Queue", name.Field is null ? null : _org.Store.Get(session.GetString("OwnerId")!)!.GetString("Name"));
    }

    [Fact]
    public void Execute_AdminUserProfileName_ResolvesToSystemAdministrator()
    {
        var result = _org.Query("SELECT Id, Username, Profile.Name FROM User WHERE Username='admin@byoc.emulated'");

        var user = Assert.Single(result.Records);
        Assert.Equal("Profile.Name", Assert.Single(Assert.Single(result.Columns, c => c.Name == "Profile").Children).DisplayPath);
        Assert.Equal("System Administrator", _org.Store.Get(user.GetString("ProfileId")!)!.GetString("Name"));
    }
}

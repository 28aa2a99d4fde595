using Byoc.Emulator.Org.Seed;

namespace Byoc.Emulator.Tests.SfCli;

/// <summary>Guide step 1, "Verify Your Starting Point": the agent, licence and user queries.</summary>
[Trait("Category", "Slow")]
public sealed class VerifyStartingPointTests(SfOrg org) : IClassFixture<SfOrg>
{
    [Fact]
    public async Task DataQuery_AgentByDeveloperName_ReturnsOneValidId()
    {
        org.SkipWhenMissing();

        var records = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel, AgentType FROM BotDefinition WHERE DeveloperName='Reservation_Agent'"));

        var bot = Assert.Single(records);
        Assert.Matches("^0Xx[0-9A-Za-z]{15}$", bot.GetProperty("Id").GetString());
        Assert.Equal("Reservation_Agent", bot.GetProperty("DeveloperName").GetString());
        Assert.Equal("BotDefinition", bot.GetProperty("attributes").GetProperty("type").GetString());
    }

    [Fact]
    public async Task DataQuery_GuideAgentQueryWithIsActive_FailsWithInvalidField()
    {
        org.SkipWhenMissing();

        var result = await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel, AgentType FROM BotDefinition WHERE DeveloperName='Reservation_Agent' AND IsActive=true");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("INVALID_FIELD", result.ErrorName);
        Assert.Equal("INVALID_FIELD", result.Json.GetProperty("data").GetProperty("errorCode").GetString());
        Assert.Contains("ERROR at Row:1:Column:113\nNo such column 'IsActive' on entity 'BotDefinition'.", result.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataQuery_ActiveAgentThroughBotVersionSemiJoin_ReturnsTheAgent()
    {
        org.SkipWhenMissing();

        var records = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, MasterLabel, AgentType FROM BotDefinition WHERE DeveloperName='Reservation_Agent' " +
            "AND Id IN (SELECT BotDefinitionId FROM BotVersion WHERE Status='Active')"));
        var versions = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, DeveloperName, Status FROM BotVersion WHERE BotDefinition.DeveloperName='Reservation_Agent' AND Status='Active' LIMIT 1"));

        Assert.Equal("Reservation_Agent", Assert.Single(records).GetProperty("DeveloperName").GetString());
        Assert.Equal("Active", Assert.Single(versions).GetProperty("Status").GetString());
    }

    [Fact]
    public async Task DataQuery_GuideLicenceQueryWithName_FailsWithInvalidField()
    {
        org.SkipWhenMissing();

        var result = await org.QueryAsync("SELECT Id, Name, Status, IsProvisioned FROM PackageLicense WHERE NamespacePrefix='sfdc_livemessage'");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("INVALID_FIELD", result.ErrorName);
        Assert.Contains("No such column 'Name' on entity 'PackageLicense'.", result.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataQuery_CorrectedLicenceQuery_ReturnsProvisionedLicence()
    {
        org.SkipWhenMissing();

        var records = SfOrg.Records(await org.QueryAsync(
            "SELECT Id, NamespacePrefix, Status, IsProvisioned FROM PackageLicense WHERE NamespacePrefix='sfdc_livemessage'"));

        var licence = Assert.Single(records);
        Assert.True(licence.GetProperty("IsProvisioned").GetBoolean());
        Assert.Equal("Active", licence.GetProperty("Status").GetString());
    }

    [Fact]
    public async Task DataQuery_AdminUserWithProfile_ReturnsActiveSystemAdministrator()
    {
        org.SkipWhenMissing();

        var records = SfOrg.Records(await org.QueryAsync(
            $"SELECT Id, Username, Name, IsActive, Profile.Name FROM User WHERE Username='{SeededOrg.AdminUsername}'"));

        var user = Assert.Single(records);
        Assert.Matches("^005", user.GetProperty("Id").GetString());
        Assert.True(user.GetProperty("IsActive").GetBoolean());
        Assert.Equal("Admin User", user.GetProperty("Name").GetString());
        Assert.Equal("System Administrator", user.GetProperty("Profile").GetProperty("Name").GetString());
    }
}

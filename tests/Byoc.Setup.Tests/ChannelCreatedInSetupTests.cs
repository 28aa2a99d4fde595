using Byoc.Setup.Org;
using Byoc.Setup.Package;
using Byoc.Setup.Steps;

namespace Byoc.Setup.Tests;

/// <summary>An org that cannot create the BYOC channel by API: setup prints the click-path, stops, and resumes once a person created it.</summary>
public sealed class ChannelCreatedInSetupTests
{
    [Fact]
    public async Task Setup_ChannelDeployRefused_AsksForTheClickPathThenResumesOnceTheChannelExists()
    {
        await using var org = await SetupOrg.StartAsync();
        using var refusing = new RefusingChannelDeploys();
        using var http = new HttpClient(refusing);
        var admin = await org.AdminClientAsync(http);

        var paused = await SetupRunner.RunAsync(Context(admin), null, TestContext.Current.CancellationToken);

        Assert.Equal(1, refusing.Refused);
        var blocker = Assert.IsType<StepOutcome>(paused.Blocker);
        Assert.Equal(StepState.ActionRequired, blocker.State);
        Assert.Contains("Not available for deploy", blocker.Detail, StringComparison.Ordinal);
        Assert.Contains("'Messaging Settings' → New Channel → Bring Your Own Channel", blocker.Fix, StringComparison.Ordinal);
        Assert.Contains("'AgentforceChannel'", blocker.Fix, StringComparison.Ordinal);
        Assert.Equal(4, paused.Steps.Count);
        Assert.Null(paused.Configuration);

        CreateChannelAsAPersonWould(org);
        var resumed = await SetupRunner.RunAsync(Context(admin), null, TestContext.Current.CancellationToken);

        Assert.Equal(1, refusing.Refused);
        Assert.True(resumed.Complete);
        Assert.Equal(StepState.UpToDate, resumed.Steps[3].State);
        Assert.Equal(StepState.Change, resumed.Steps[5].State);
        Assert.NotNull(resumed.Configuration);
    }

    private static SetupContext Context(OrgClient admin) => new(admin, ProviderPackage.Load(), new SetupOptions());

    private static void CreateChannelAsAPersonWould(SetupOrg org)
    {
        var definition = org.Store.Lookup("ConversationChannelDefinition", "DeveloperName", "Byoc_ChannelDefinition").Single();
        var address = Guid.NewGuid().ToString();
        org.Store.Write(w => w.Insert("MessagingChannel", new Dictionary<string, object?>
        {
            ["DeveloperName"] = "AgentforceChannel",
            ["MasterLabel"] = "Agentforce Channel",
            ["MessageType"] = "Custom",
            ["IsActive"] = true,
            ["MessagingPlatformKey"] = address,
            ["ChannelAddressIdentifier"] = address,
            ["ChannelDefinitionId"] = definition.Id,
            ["PlatformType"] = "Enhanced",
            ["RoutingType"] = "OmniQueue",
        }));
    }
}

using System.Text.Json;
using Byoc.Emulator.Org.Settings;

namespace Byoc.Setup.Tests;

public sealed class SetupCommandTests
{
    [Fact]
    public async Task Setup_FreshOrg_SetsUpEveryStepThenSecondRunChangesNothing()
    {
        await using var org = await SetupOrg.StartAsync();

        var written = Path.Combine(org.StateDirectory, "connector-settings.json");
        var (first, firstJson) = await org.RunJsonAsync("setup");
        var (second, secondJson) = await org.RunJsonAsync("setup", "--write-config", written, "--webhook-outbound-url", "http://127.0.0.1:9/sink");

        Assert.Equal(0, first);
        Assert.True(firstJson.GetProperty("changed").GetBoolean());
        Assert.Equal(["UpToDate", "Change", "Change", "Change", "UpToDate", "Change"], States(firstJson));
        var omniChannel = firstJson.GetProperty("steps")[1].GetProperty("detail").GetString();
        Assert.StartsWith("deploy settings/OmniChannel.settings to enable Omni-Channel (OmniChannelSettings OmniChannel: enableOmniChannel=false): done.", omniChannel, StringComparison.Ordinal);
        Assert.Contains("Omni-Channel already enabled", omniChannel, StringComparison.Ordinal);
        Assert.True(OrgSettings.IsEnabled(org.Store, "OmniChannel", "enableOmniChannel"));
        Assert.Equal(0, second);
        Assert.False(secondJson.GetProperty("changed").GetBoolean());
        Assert.All(States(secondJson), s => Assert.Equal("UpToDate", s));
        Assert.Contains("Omni-Channel already enabled (OmniChannelSettings OmniChannel: enableOmniChannel=true)",
            secondJson.GetProperty("steps")[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var channel = Assert.Single(org.Store.Lookup("MessagingChannel", "DeveloperName", "AgentforceChannel"));
        var configuration = secondJson.GetProperty("configuration");
        Assert.Equal(channel.GetString("ChannelAddressIdentifier"), configuration.GetProperty("channelAddressIdentifier").GetString());
        Assert.Equal("/event/Byoc_Interaction__e", configuration.GetProperty("topic").GetString());
        Assert.Equal("Byoc_ChannelDefinition", configuration.GetProperty("authorizationContext").GetString());
        var settings = JsonDocument.Parse(File.ReadAllText(written)).RootElement.GetProperty("Connector");
        Assert.Equal(channel.GetString("ChannelAddressIdentifier"),
            settings.GetProperty("Webhook").GetProperty("Channels").GetProperty("webhook").GetProperty("ChannelAddressIdentifier").GetString());
        Assert.Equal("Payload__c", settings.GetProperty("Salesforce").GetProperty("PubSub").GetProperty("PayloadField").GetString());
    }

    [Fact]
    public async Task Setup_DryRun_ReportsTheChangesAndMakesNone()
    {
        await using var org = await SetupOrg.StartAsync();

        var (exitCode, json) = await org.RunJsonAsync("setup", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.True(json.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["UpToDate", "Change", "Change", "Change", "Change", "Change"], States(json));
        Assert.StartsWith("would deploy settings/OmniChannel.settings", json.GetProperty("steps")[1].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(OrgSettings.IsEnabled(org.Store, "OmniChannel", "enableOmniChannel"));
        Assert.StartsWith("would deploy 5 components", json.GetProperty("steps")[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(org.Store.Records("MessagingChannel"));
        Assert.Empty(org.Store.Lookup("Group", "DeveloperName", "AgentforceChannel_Queue"));
    }

    [Fact]
    public async Task Setup_AgentWithoutActiveVersion_StopsAtTheFirstStepWithTheFix()
    {
        await using var org = await SetupOrg.StartAsync();
        var version = org.Store.Records("BotVersion").Single();
        org.Store.Write(w => w.Update(version.Id, new Dictionary<string, object?> { ["Status"] = "Inactive" }));

        var (exitCode, json) = await org.RunJsonAsync("setup");

        Assert.Equal(1, exitCode);
        var step = Assert.Single(json.GetProperty("steps").EnumerateArray());
        Assert.Equal("Failed", step.GetProperty("state").GetString());
        Assert.Contains("Activate", step.GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.Empty(org.Store.Records("MessagingChannel"));
    }

    [Fact]
    public async Task Setup_TextOutput_SaysNothingChangedOnTheSecondRun()
    {
        await using var org = await SetupOrg.StartAsync();
        await org.RunAsync("setup");

        var (exitCode, output, _) = await org.RunAsync("setup");

        Assert.Equal(0, exitCode);
        Assert.Contains("The org was already set up; nothing changed.", output, StringComparison.Ordinal);
        Assert.Contains("Byoc_ChannelDefinition", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_NoConnectionChosen_IsInvalidUsage()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await Cli.ByocCommandLine.InvokeAsync(["setup"], output, error, TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("--target-org", error.ToString(), StringComparison.Ordinal);
    }

    private static List<string?> States(JsonElement json) =>
        [.. json.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString())];
}

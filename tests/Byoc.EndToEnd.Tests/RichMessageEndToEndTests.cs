using Byoc.Cli.Up;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary>The agent's choices on a text-only webhook channel: numbered options out, the typed pick back as a choice.</summary>
public sealed class RichMessageEndToEndTests
{
    private const string Guest = "guest-text";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task TextOnlyWebhook_AgentChoicesAsNumberedText_TypedNumberReachesAgentAsChoice()
    {
        await using var sink = await PlatformSink.StartAsync(Ct);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl,
            $"--Connector:Webhook:Channels:{ConnectorArguments.WebhookChannel}:RichMessages=Text");
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);

        await platform.SendTextAsync("m-1", Guest, "Hello");
        var menu = await sink.WaitForMessageAsync("4. Opening hours");
        Assert.Contains("1. Make a reservation\n2. Check a reservation\n3. Cancel a reservation\n4. Opening hours", menu.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Deliveries, d => d.Type == "choices");

        await platform.SendTextAsync("m-2", Guest, "4");
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the pick as a ChoicesResponse entry");
        await sink.WaitForMessageAsync("closed on Mondays");

        await platform.SendTextAsync("m-3", Guest, "4");
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Text" && e.GetString("Message") == "4"), "a repeated number as plain text once the choice was answered");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using Byoc.TestUtilities;
using Microsoft.Data.Sqlite;

namespace Byoc.EndToEnd.Tests;

/// <summary>A second <c>byoc up</c> on the same state folder continues where the first stopped.</summary>
public sealed class UpRestartTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-e2e-restart", Guid.NewGuid().ToString("N"));

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Up_SecondStartOnSameState_SameSecretsOrgAndConversation()
    {
        await using var sink = await PlatformSink.StartAsync(TestContext.Current.CancellationToken);
        string firstSecret, firstAddress, firstSession;
        await using (var first = await TestStack.StartPersistentAsync(sink.OutboundUrl, _state))
        {
            using var platform = new WebhookPlatform(first.Stack.WebhookUrl, first.Stack.Secrets.WebhookSecret);
            await platform.SendTextAsync("r-1", "guest-9", "Hello, can I book a table?");
            await WaitFor.ConditionAsync(() => sink.Deliveries.Any(d => d.Type is "message" or "choices"), "the first reply");
            firstSecret = first.Stack.Secrets.WebhookSecret;
            firstAddress = first.Stack.Credentials.ChannelAddressIdentifier!;
            firstSession = (await first.SessionAsync()).Id;
        }

        await using var second = await TestStack.StartPersistentAsync(sink.OutboundUrl, _state);
        Assert.Equal(firstSecret, second.Stack.Secrets.WebhookSecret);
        Assert.Equal(firstAddress, second.Stack.Credentials.ChannelAddressIdentifier);
        using var again = new WebhookPlatform(second.Stack.WebhookUrl, second.Stack.Secrets.WebhookSecret);
        var repliesBefore = sink.Deliveries.Count(d => d.Type is "message" or "choices");
        await again.SendTextAsync("r-2", "guest-9", "Under the name Rivera, please.");
        await WaitFor.ConditionAsync(() => sink.Deliveries.Count(d => d.Type is "message" or "choices") > repliesBefore,
            "the agent's reply after the restart");
        var session = await second.SessionAsync();
        Assert.Equal(firstSession, session.Id);
        await WaitFor.ConditionAsync(() => second.Entries(session).Count(e => e.GetString("ActorType") == "EndUser") == 2,
            "the second message in the same session");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }
}

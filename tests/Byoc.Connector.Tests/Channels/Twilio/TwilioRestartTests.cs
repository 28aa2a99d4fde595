using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities.Platforms.Twilio;
using Byoc.TestUtilities.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Connector.Tests.Channels.Twilio;

/// <summary>
/// The WhatsApp window and the SMS opt-out survive a restart: one connector host learns them from the fake's webhooks,
/// stops, and a second host on the same store (with a fresh fake that knows nothing) acts on them. On SQLite (one file)
/// and on PostgreSQL (one schema; gated on <c>BYOC_TEST_POSTGRES</c> like the other PostgreSQL tests).
/// </summary>
public sealed class TwilioRestartTests : IDisposable
{
    private const string User = "+15550003333";

    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-twilio-restart-").FullName;

    private string StorageArg => $"--Connector:Storage:Path={Path.Combine(_directory, "connector.db")}";

    [Fact]
    public Task SendAsync_AfterARestart_TheWhatsAppWindowOpenedBeforeItIsStillOpenThenCloses() => WindowSurvivesRestartAsync(StorageArg);

    [Fact]
    public Task SendAsync_AfterARestart_AStopSentBeforeStillHoldsUntilStart() => OptOutSurvivesRestartAsync(StorageArg);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SendAsync_AfterARestartOnPostgres_TheWhatsAppWindowOpenedBeforeItIsStillOpenThenCloses()
    {
        await using var schema = await TestPostgresSchema.CreateAsync("byoc_twilio_restart", Ct);
        await WindowSurvivesRestartAsync(Postgres(schema));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SendAsync_AfterARestartOnPostgres_AStopSentBeforeStillHoldsUntilStart()
    {
        await using var schema = await TestPostgresSchema.CreateAsync("byoc_twilio_restart", Ct);
        await OptOutSurvivesRestartAsync(Postgres(schema));
    }

    private static string[] Postgres(TestPostgresSchema schema) =>
        ["--Connector:Storage:Provider=Postgres", $"--Connector:Storage:ConnectionString={schema.ConnectionString}"];

    private static async Task WindowSurvivesRestartAsync(params string[] storage)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using (var before = await TwilioTestHost.StartAsync(Ct, whatsApp: true, new FakeTwilioOptions { TimeProvider = clock }, clock, storage))
        {
            var hello = await before.Twilio.SendWhatsAppAsync(User, "hi", cancellationToken: Ct);
            await before.Twilio.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        }

        await using var after = await TwilioTestHost.StartAsync(Ct, whatsApp: true, new FakeTwilioOptions { TimeProvider = clock }, clock, storage);
        clock.Advance(TimeSpan.FromHours(23));
        var inside = await after.ChannelInstance.Outbound.SendAsync(Text(after, "Still here to help", "whatsapp:" + User), Ct);
        clock.Advance(TimeSpan.FromHours(2));
        var outside = await after.ChannelInstance.Outbound.SendAsync(Text(after, "Anything else?", "whatsapp:" + User), Ct);

        Assert.True(inside.IsSuccess, inside.Error);
        Assert.Equal("Still here to help", Assert.Single(after.Twilio.SentMessages.Items).Body);
        Assert.Equal(DeliveryOutcomeKind.Permanent, outside.Kind);
        Assert.Contains("24-hour", outside.Error, StringComparison.Ordinal);
    }

    private static async Task OptOutSurvivesRestartAsync(params string[] storage)
    {
        await using (var before = await TwilioTestHost.StartAsync(Ct, extraArgs: storage))
        {
            var stop = await before.Twilio.SendSmsAsync(User, "STOP", cancellationToken: Ct);
            await before.Twilio.WaitForDeliveryAsync(stop, Ct).WaitAsync(Timeout, Ct);
        }

        await using var after = await TwilioTestHost.StartAsync(Ct, extraArgs: storage);
        var refused = await after.ChannelInstance.Outbound.SendAsync(Text(after, "hello"), Ct);
        var start = await after.Twilio.SendSmsAsync(User, "START", cancellationToken: Ct);
        await after.Twilio.WaitForDeliveryAsync(start, Ct).WaitAsync(Timeout, Ct);
        var sent = await after.ChannelInstance.Outbound.SendAsync(Text(after, "welcome back"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, refused.Kind);
        Assert.Contains("opted out", refused.Error, StringComparison.Ordinal);
        Assert.True(sent.IsSuccess, sent.Error);
        Assert.Equal("welcome back", Assert.Single(after.Twilio.SentMessages.Items).Body);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static OutboundMessage Text(TwilioTestHost test, string text, string to = User) => new()
    {
        Channel = test.Channel,
        PlatformUserId = to,
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static TimeSpan Timeout => TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Org;

public sealed class OrgStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    [Fact]
    public void SeedIfEmpty_Complete_CreatesGuideExampleRecords()
    {
        using var store = CreateStore();

        Assert.True(OrgSeeder.SeedIfEmpty(store, SeedProfile.Complete));

        var channel = Assert.Single(store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName));
        var bot = Assert.Single(store.Lookup("BotDefinition", "DeveloperName", SeededOrg.AgentDeveloperName));
        var queue = Assert.Single(store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName));
        Assert.Equal("Custom", channel.GetString("MessageType"));
        Assert.True(channel.GetBoolean("IsActive"));
        Assert.Equal(bot.Id, channel.GetString("SessionHandlerId"));
        Assert.Equal(queue.Id, channel.GetString("FallbackQueueId"));
        Assert.True(Guid.TryParse(channel.GetString("ChannelAddressIdentifier"), out _));
        Assert.Equal("Active", Assert.Single(store.Lookup("BotVersion", "BotDefinitionId", bot.Id)).GetString("Status"));
        Assert.NotNull(store.Schema.FindObject(SeededOrg.PlatformEventName)?.FindField(SeededOrg.PayloadField));
        Assert.Equal(_time.GetUtcNow(), channel.GetDateTime("CreatedDate"));
        Assert.False(OrgSeeder.SeedIfEmpty(store, SeedProfile.Complete));
    }

    [Fact]
    public void SeedIfEmpty_PrerequisitesOnly_HasAgentButNoChannelOrQueue()
    {
        using var store = CreateStore();

        OrgSeeder.SeedIfEmpty(store, SeedProfile.PrerequisitesOnly);

        Assert.Single(store.Records("BotDefinition"));
        Assert.Single(store.Lookup("ServiceChannel", "DeveloperName", SeededOrg.ServiceChannelDeveloperName));
        Assert.Empty(store.Records("MessagingChannel"));
        Assert.Empty(store.Records("Group"));
        Assert.Null(store.Schema.FindObject(SeededOrg.PlatformEventName));
    }

    [Fact]
    public void Write_WhenReopened_RecordsAndCustomObjectsSurvive()
    {
        var path = Path.Combine(Path.GetTempPath(), $"byoc-org-{Guid.NewGuid():N}.db");
        try
        {
            string sessionStatus;
            using (var store = CreateStore(path))
            {
                OrgSeeder.SeedIfEmpty(store, SeedProfile.Complete);
                var session = store.Write(w => w.Insert("MessagingSession", new Dictionary<string, object?> { ["Status"] = "Waiting" }));
                store.Write(w => w.Update(session.Id, new Dictionary<string, object?> { ["OwnerId"] = store.DefaultActorId }));
                sessionStatus = store.Get(session.Id)!.GetString("Status")!;
            }

            using var reopened = CreateStore(path);
            Assert.False(OrgSeeder.SeedIfEmpty(reopened, SeedProfile.Complete));
            var reloaded = Assert.Single(reopened.Records("MessagingSession"));
            Assert.Equal(sessionStatus, reloaded.GetString("Status"));
            Assert.Equal(reopened.DefaultActorId, reloaded.GetString("OwnerId"));
            Assert.Equal(_time.GetUtcNow(), reloaded.GetDateTime("CreatedDate"));
            Assert.NotNull(reopened.Schema.FindObject(SeededOrg.PlatformEventName));
            var next = reopened.Write(w => w.Insert("MessagingSession", new Dictionary<string, object?>()));
            Assert.True(next.Sequence > reloaded.Sequence);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_WhenChangeThrows_NothingIsCommitted()
    {
        using var store = CreateStore();

        Assert.Throws<FieldValueException>(() => store.Write(w =>
        {
            w.Insert("MessagingSession", new Dictionary<string, object?> { ["Status"] = "Waiting" });
            w.Insert("MessagingSession", new Dictionary<string, object?> { ["Status"] = "NotAStatus" });
        }));

        Assert.Empty(store.Records("MessagingSession"));
    }

    [Fact]
    public void Lookup_FollowsUpdatesAndDeletes()
    {
        using var store = CreateStore();
        var session = store.Write(w => w.Insert("MessagingSession", new Dictionary<string, object?> { ["Status"] = "Waiting" }));
        Assert.Single(store.Lookup("MessagingSession", "Status", "Waiting"));

        store.Write(w => w.Update(session.Id, new Dictionary<string, object?> { ["Status"] = "Active" }));
        Assert.Empty(store.Lookup("MessagingSession", "Status", "Waiting"));
        Assert.Single(store.Lookup("MessagingSession", "Status", "Active"));

        store.Write(w => w.Delete(session.Id));
        Assert.Empty(store.Lookup("MessagingSession", "Status", "Active"));
        Assert.Null(store.Get(session.Id));
    }

    [Fact]
    public void Changed_HandlerThatWrites_GetsNotifiedInCommitOrderWithoutDeadlock()
    {
        using var store = CreateStore();
        var seen = new List<string>();
        store.Changed += changes =>
        {
            foreach (var change in changes)
            {
                seen.Add($"{change.ObjectName}:{change.Current.GetString("Status")}");
                if (change.IsInsert && change.ObjectName == "MessagingSession")
                {
                    store.Write(w => w.Insert("AgentWork", new Dictionary<string, object?> { ["Status"] = "Opened" }));
                }
            }
        };

        store.Write(w => w.Insert("MessagingSession", new Dictionary<string, object?> { ["Status"] = "Active" }));

        Assert.Equal(["MessagingSession:Active", "AgentWork:Opened"], seen);
    }

    [Fact]
    public void Insert_UnknownFieldOrBadType_ThrowsNamingTheField()
    {
        using var store = CreateStore();

        var unknown = Assert.Throws<FieldValueException>(() =>
            store.Write(w => w.Insert("BotDefinition", new Dictionary<string, object?> { ["IsActive"] = true })));
        var badId = Assert.Throws<FieldValueException>(() =>
            store.Write(w => w.Insert("MessagingSession", new Dictionary<string, object?> { ["OwnerId"] = "not-an-id" })));

        Assert.Equal("IsActive", unknown.Field);
        Assert.Equal("OwnerId", badId.Field);
    }

    private OrgStore CreateStore(string? path = null) =>
        new(new OrgSchema(), new OrgStoreOptions { DatabasePath = path }, _time);
}

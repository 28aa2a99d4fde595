using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Soql;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Emulator.Tests.Soql;

/// <summary>A seeded in-memory org with three messaging sessions (one owned by the queue) and a transcript.</summary>
internal sealed class SoqlTestOrg : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.Zero);

    public SoqlTestOrg()
    {
        Time = new FakeTimeProvider(Now);
        Store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), Time);
        OrgSeeder.SeedIfEmpty(Store, SeedProfile.Complete);
        var channel = Store.Lookup("MessagingChannel", "DeveloperName", SeededOrg.ChannelDeveloperName).Single();
        var queue = Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName).Single();
        var rep = Store.Lookup("User", "Username", SeededOrg.Reps[0].Username).Single();
        Store.Write(w =>
        {
            Session(w, channel.Id, rep.Id, "Ended", "Bot", Now.AddDays(-3));
            Session(w, channel.Id, null, "Active", "Bot", Now.AddHours(-2));
            Escalated = Session(w, channel.Id, queue.Id, "Waiting", "BotToAgent", Now.AddMinutes(-5));
            w.Insert("ConversationEntry", new Dictionary<string, object?>
            {
                ["ConversationId"] = Escalated,
                ["ActorType"] = "EndUser",
                ["Message"] = "I want to speak to a human",
                ["EntryTime"] = Now.AddMinutes(-5),
            });
        });
        Engine = new SoqlEngine(Store, Time);
    }

    public FakeTimeProvider Time { get; }

    public OrgStore Store { get; }

    public SoqlEngine Engine { get; }

    public string Escalated { get; private set; } = "";

    public SoqlResult Query(string soql, ApiSurface surface = ApiSurface.Data)
    {
        var outcome = Engine.Execute(soql, surface);
        Assert.True(outcome.Error is null, outcome.Error?.Message);
        return outcome.Result!;
    }

    public SoqlError Fail(string soql, ApiSurface surface = ApiSurface.Data)
    {
        var outcome = Engine.Execute(soql, surface);
        Assert.Null(outcome.Result);
        return outcome.Error!;
    }

    public void Dispose() => Store.Dispose();

    private static string Session(OrgWriter writer, string channelId, string? ownerId, string status, string agentType, DateTimeOffset created) =>
        writer.Insert("MessagingSession", new Dictionary<string, object?>
        {
            ["MessagingChannelId"] = channelId,
            ["OwnerId"] = ownerId,
            ["Status"] = status,
            ["AgentType"] = agentType,
            ["CreatedDate"] = created,
        }).Id;
}

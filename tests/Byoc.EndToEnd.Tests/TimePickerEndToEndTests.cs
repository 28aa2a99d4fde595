using System.Globalization;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary>The Reservation agent's time picker on a native webhook channel: slots out as choices, the picked slot back as a choice.</summary>
public sealed class TimePickerEndToEndTests
{
    private const string Guest = "guest-times";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task NativeWebhook_AgentOffersTimePicker_PickedSlotReachesAgentWhichConfirmsTheTime()
    {
        await using var sink = await PlatformSink.StartAsync(Ct);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl);
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);

        await platform.SendTextAsync("m-1", Guest, "What times are free tonight?");
        var picker = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Type == "choices"), "the time picker at the platform");
        var json = picker.Json;
        Assert.Equal("TimePicker", json["format"]!.GetValue<string>());
        var slots = json["choices"]!.AsArray().Select(c => c!.AsObject()).ToArray();
        Assert.Equal(["slot-1900", "slot-1930", "slot-2000"], slots.Select(s => s["id"]!.GetValue<string>()));
        Assert.All(slots, s => Assert.Equal(5400, s["duration"]!.GetValue<long>()));
        var start = DateTimeOffset.Parse(slots[1]["startTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var title = start.ToString("ddd d MMM, HH:mm 'UTC'", CultureInfo.InvariantCulture);
        Assert.Equal(title, slots[1]["title"]!.GetValue<string>());
        Assert.Equal($"Free tables on {start:yyyy-MM-dd}", json["text"]!.GetValue<string>());

        await platform.PostAsync(new JsonObject
        {
            ["type"] = "choice",
            ["id"] = "m-2",
            ["userId"] = Guest,
            ["inReplyTo"] = picker.Id,
            ["optionId"] = "slot-1930",
            ["text"] = title,
        });

        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == title), "the picked slot as a ChoicesResponse entry");
        await sink.WaitForMessageAsync($"19:30 on {start:yyyy-MM-dd} is free.");
        await sink.WaitForMessageAsync("What name should the reservation be under?");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

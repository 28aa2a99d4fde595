using System.Text.Json.Nodes;
using Byoc.Emulator.Agents;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Emulator.Tests.Agents;

/// <summary>The Reservation agent's available-times path: a TimePicker (or buttons) of tonight's slots, and booking the one picked.</summary>
public sealed class TimePickerAgentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_TimePickerRegistered_OffersTonightsSlotsAsTimePicker()
    {
        await using var host = RoutingTestHost.Create();
        host.Capabilities.Formats.Add("ChoicesMessage/TimePicker");
        host.Capabilities.Formats.Add("ChoicesMessage/Buttons");

        await host.SendAsync("what times are free tonight?", cancellationToken: Token);

        var picker = Assert.Single(host.Events.OfType<ChoicesMessageEvent>());
        Assert.Equal(ChoicesFormat.TimePicker, picker.Format);
        Assert.Equal("Free tables on 2026-11-24", picker.Text);
        Assert.Null(picker.TimezoneOffset);
        Assert.Equal(["slot-1900", "slot-1930", "slot-2000"], picker.Options.Select(o => o.Identifier));
        Assert.Equal(
            [new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.Zero),
             new DateTimeOffset(2026, 11, 24, 20, 0, 0, TimeSpan.Zero)],
            picker.Options.Select(o => o.Slot!.StartTime));
        Assert.All(picker.Options, o => Assert.Equal(TimeSpan.FromMinutes(90), o.Slot!.Duration));
    }

    [Fact]
    public async Task HandleAsync_OnlyButtonsRegistered_OffersTheTimesAsButtonsElseText()
    {
        await using var buttons = RoutingTestHost.Create();
        buttons.Capabilities.Formats.Add("ChoicesMessage/Buttons");
        await using var text = RoutingTestHost.Create();

        await buttons.SendAsync("Which times are available tonight?", cancellationToken: Token);
        await text.SendAsync("Which times are available tonight?", cancellationToken: Token);

        var choices = Assert.Single(buttons.Events.OfType<ChoicesMessageEvent>());
        Assert.Equal(ChoicesFormat.Buttons, choices.Format);
        Assert.Equal(["19:00", "19:30", "20:00"], choices.Options.Select(o => o.Title));
        Assert.Equal(["Free tables on 2026-11-24 (19:00, 19:30, 20:00)"], text.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task HandleAsync_SlotPicked_ConfirmsTheTimeThenBooksIt()
    {
        await using var host = RoutingTestHost.Create();
        host.Capabilities.Formats.Add("ChoicesMessage/TimePicker");
        await host.SendAsync("what times are free tonight?", cancellationToken: Token);
        host.Events.Clear();

        await PickAsync(host, "slot-1930", "Tue 24 Nov, 19:30 UTC");
        var confirmation = host.Events.Texts("Chatbot");
        await host.SendAsync("Maria Lopez", cancellationToken: Token);
        await host.SendAsync("2", cancellationToken: Token);

        Assert.Equal(["19:30 on 2026-11-24 is free.", "Sure! What name should the reservation be under?"], confirmation);
        Assert.Equal("You're all set, Maria Lopez! A table for 2 on 2026-11-24 at 19:30. Your reference is RES-1001.",
            host.Events.Texts("Chatbot")[^1]);
    }

    [Fact]
    public async Task HandleAsync_NoDateSaid_AsksForItThenOffersThatDatesSlots()
    {
        await using var host = RoutingTestHost.Create();
        host.Capabilities.Formats.Add("ChoicesMessage/TimePicker");

        await host.SendAsync("any free slots?", cancellationToken: Token);
        await host.SendAsync("tomorrow", cancellationToken: Token);
        await host.SendAsync("half past nine", cancellationToken: Token);

        var texts = host.Events.Texts("Chatbot");
        Assert.StartsWith("For which date?", texts[0], StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero),
            host.Events.OfType<ChoicesMessageEvent>()[0].Options[0].Slot!.StartTime);
        Assert.Equal(ChoicesFormat.TimePicker, host.Events.OfType<ChoicesMessageEvent>()[^1].Format);
        Assert.Equal(2, host.Events.OfType<ChoicesMessageEvent>().Count);
        Assert.StartsWith("Sorry, I didn't get the time.", texts[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_TimezoneOffset_StartsAtLocalTimeAndTodayIsLocal()
    {
        var picker = new TimePickerDefinition { Times = ["19:00"], Minutes = 60, TimezoneOffset = 60 };

        var slot = Assert.Single(picker.Options(new DateOnly(2026, 11, 24)));

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero), slot.Slot!.StartTime.ToUniversalTime());
        Assert.Equal(TimeSpan.FromHours(1), slot.Slot.Duration);
        Assert.Equal(new DateOnly(2026, 11, 25), picker.Today(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal("19:00", picker.TimeOf("slot-1900"));
        Assert.Null(picker.TimeOf("slot-1800"));
    }

    /// <summary>A ChoicesResponseMessage picking <paramref name="optionIdentifier"/>, as the Interaction Service API hands it on.</summary>
    private static async Task PickAsync(RoutingTestHost host, string optionIdentifier, string title)
    {
        var entry = host.Record(title);
        entry = entry with
        {
            Payload = new JsonObject
            {
                ["id"] = entry.EntryIdentifier,
                ["entryType"] = "Message",
                ["abstractMessage"] = new JsonObject
                {
                    ["messageType"] = "ChoicesResponseMessage",
                    ["id"] = entry.EntryIdentifier,
                    ["choicesResponse"] = new JsonObject
                    {
                        ["formatType"] = "Selections",
                        ["selectedOptions"] = new JsonArray(new JsonObject
                        {
                            ["optionIdentifier"] = optionIdentifier,
                            ["optionTitle"] = new JsonObject { ["itemType"] = "TitleItem", ["title"] = title },
                        }),
                    },
                },
            },
        };
        foreach (var handler in host.Services.GetServices<IInboundEntryHandler>())
        {
            await handler.HandleAsync(entry, Token);
        }
    }
}

using Byoc.Emulator.Conversations;
using Byoc.Emulator.Tests.Routing;

namespace Byoc.Emulator.Tests.Agents;

public sealed class ReservationAgentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HandleAsync_MakeReservation_AsksOneQuestionAtATimeThenConfirms()
    {
        await using var host = RoutingTestHost.Create();

        var answers = new List<string>();
        foreach (var text in new[] { "I'd like to book a table", "Maria Lopez", "4", "2026-12-24", "7:30pm" })
        {
            await host.SendAsync(text, cancellationToken: Token);
            answers.Add(host.Events.Texts("Chatbot")[^1]);
        }

        Assert.Equal("Sure! What name should the reservation be under?", answers[0]);
        Assert.StartsWith("How many people will be joining?", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("For which date?", answers[2], StringComparison.Ordinal);
        Assert.StartsWith("At what time?", answers[3], StringComparison.Ordinal);
        Assert.Equal("You're all set, Maria Lopez! A table for 4 on 2026-12-24 at 19:30. Your reference is RES-1001.", answers[4]);
        Assert.Equal(5, host.Events.Texts("Chatbot").Count);
    }

    [Fact]
    public async Task HandleAsync_InvalidPartySize_ExplainsAndAsksAgain()
    {
        await using var host = RoutingTestHost.Create();
        await host.SendAsync("book a table", cancellationToken: Token);
        await host.SendAsync("Sam", cancellationToken: Token);
        host.Events.Clear();

        await host.SendAsync("fifty", cancellationToken: Token);

        Assert.Equal(["Please tell me a number of people between 1 and 12.", "How many people will be joining? (1, 2, 3, 4, 5, 6)"],
            host.Events.Texts("Chatbot"));
    }

    [Fact]
    public async Task HandleAsync_CheckAndCancelByReference_FindsCancelsAndReportsUnknown()
    {
        await using var host = RoutingTestHost.Create();
        foreach (var text in new[] { "make a reservation", "Ana", "2", "tomorrow", "19:00" })
        {
            await host.SendAsync(text, cancellationToken: Token);
        }

        await host.SendAsync("can you check my reservation RES-1001?", cancellationToken: Token);
        Assert.Equal("Reservation RES-1001: a table for 2 under Ana on 2026-11-25 at 19:00. Status: confirmed.", host.Events.Texts("Chatbot")[^1]);

        await host.SendAsync("I need to cancel", cancellationToken: Token);
        Assert.Equal("What is your reservation reference? It looks like RES-1001.", host.Events.Texts("Chatbot")[^1]);
        await host.SendAsync("res-1001", cancellationToken: Token);
        Assert.Equal("Your reservation RES-1001 for 2 on 2026-11-25 at 19:00 is cancelled. Anything else?", host.Events.Texts("Chatbot")[^1]);

        await host.SendAsync("cancel RES-1001", cancellationToken: Token);
        Assert.Equal("I couldn't find an active reservation with reference RES-1001.", host.Events.Texts("Chatbot")[^1]);
        await host.SendAsync("check RES-4242", cancellationToken: Token);
        Assert.Equal("I couldn't find a reservation with reference RES-4242.", host.Events.Texts("Chatbot")[^1]);
    }

    [Fact]
    public async Task HandleAsync_OpeningHoursAndUnknownQuestion_AnswersHoursThenFallback()
    {
        await using var host = RoutingTestHost.Create();

        await host.SendAsync("What are your opening hours?", cancellationToken: Token);
        await host.SendAsync("Do you sell bicycles?", cancellationToken: Token);

        var texts = host.Events.Texts("Chatbot");
        Assert.StartsWith("We're open Tuesday to Sunday", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Sorry, I didn't get that.", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ChoicesRegistered_SendsButtonsElsePlainText()
    {
        await using var withChoices = RoutingTestHost.Create();
        withChoices.Capabilities.Formats.Add("ChoicesMessage/Buttons");
        await using var withoutChoices = RoutingTestHost.Create();

        await withChoices.SendAsync("hi", cancellationToken: Token);
        await withoutChoices.SendAsync("hi", cancellationToken: Token);

        var choices = Assert.Single(withChoices.Events.OfType<ChoicesMessageEvent>());
        Assert.Equal(ChoicesFormat.Buttons, choices.Format);
        Assert.Equal(["make", "check", "cancel", "hours"], choices.Options.Select(o => o.Identifier));
        Assert.Empty(withChoices.Events.OfType<TextMessageEvent>());
        Assert.Empty(withoutChoices.Events.OfType<ChoicesMessageEvent>());
        Assert.EndsWith("(Make a reservation, Check a reservation, Cancel a reservation, Opening hours)",
            Assert.Single(withoutChoices.Events.OfType<TextMessageEvent>()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_QuickRepliesOnly_PickedOptionTitleStartsTopic()
    {
        await using var host = RoutingTestHost.Create();
        host.Capabilities.Formats.Add("ChoicesMessage/QuickReplies");
        await host.SendAsync("hello", cancellationToken: Token);

        await host.SendAsync("Opening hours", cancellationToken: Token);

        Assert.Equal(ChoicesFormat.QuickReplies, Assert.Single(host.Events.OfType<ChoicesMessageEvent>()).Format);
        Assert.StartsWith("We're open", host.Events.Texts("Chatbot")[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ProgressIndicatorsRegistered_SendsProgressBeforeAnswer()
    {
        await using var withProgress = RoutingTestHost.Create();
        withProgress.Capabilities.ProgressIndicators = true;
        await using var withoutProgress = RoutingTestHost.Create();

        foreach (var host in new[] { withProgress, withoutProgress })
        {
            await host.SendAsync("check RES-1234", cancellationToken: Token);
        }

        var published = withProgress.Events.Published;
        var progress = Assert.Single(withProgress.Events.OfType<ProgressIndicatorEvent>());
        Assert.Equal("Looking up your reservation", progress.Text);
        Assert.Equal("Chatbot", progress.Sender.Role);
        Assert.True(published.ToList().IndexOf(progress) < published.ToList().FindLastIndex(e => e is TextMessageEvent));
        Assert.Empty(withoutProgress.Events.OfType<ProgressIndicatorEvent>());
    }

    [Theory]
    [InlineData("I want to speak to a human")]
    [InlineData("agent please")]
    [InlineData("Can I talk to a person?")]
    [InlineData("I'd like a representative")]
    [InlineData("I have a complaint about my dinner")]
    public async Task HandleAsync_AsksForHumanInListedWording_Escalates(string utterance)
    {
        await using var host = RoutingTestHost.Create();
        await host.SendAsync("book a table", cancellationToken: Token);

        var entry = await host.SendAsync(utterance, cancellationToken: Token);

        Assert.Equal("Waiting", host.Session(entry.Address.MessagingSessionId).GetString("Status"));
    }

    [Fact]
    public async Task HandleAsync_InboundReceiptsEnabled_AgentAcknowledgesDeliveredAndRead()
    {
        await using var host = RoutingTestHost.Create();

        var entry = await host.SendAsync("hello", cancellationToken: Token);

        var acknowledgements = host.Events.OfType<AcknowledgementEvent>();
        Assert.Equal([AcknowledgementKind.Delivered, AcknowledgementKind.Read], acknowledgements.Select(a => a.Kind));
        Assert.All(acknowledgements, a => Assert.Equal((entry.EntryIdentifier, "Chatbot"), (a.AcknowledgedEntryIdentifier, a.Sender.Role)));
    }
}

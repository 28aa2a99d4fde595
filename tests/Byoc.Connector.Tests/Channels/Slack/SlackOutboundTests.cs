using Byoc.Core.Delivery;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Slack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Byoc.Connector.Tests.Channels.Slack;

/// <summary>The Slack channel's outbound half against the fake Web API; Salesforce's files are served from loopback.</summary>
public sealed class SlackOutboundTests : IAsyncLifetime
{
    private const string Dm = "D024BE91L";
    private const string Support = "C2147483705";
    private const string User = "U2147483697";
    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();
    private LoopbackServer _salesforceFiles = null!;

    public async ValueTask InitializeAsync()
    {
        var files = WebApplication.CreateSlimBuilder().Build();
        files.MapGet("/files/menu.pdf", () => Results.Bytes(s_pdf, "application/pdf"));
        files.MapGet("/files/gone.pdf", () => Results.NotFound());
        _salesforceFiles = await LoopbackServer.StartAsync(files, Ct);
    }

    public async ValueTask DisposeAsync() => await _salesforceFiles.DisposeAsync();

    [Fact]
    public async Task SendAsync_TextOverTheLimit_SplitInOrderAndEscaped()
    {
        await using var test = await StartAsync();
        var first = string.Join(" ", Enumerable.Repeat("alpha", 600));
        var second = "Use <b> & more > less " + string.Join(" ", Enumerable.Repeat("omega", 100));

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text($"{first}\n\n{second}"), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal([first, "Use &lt;b&gt; &amp; more &gt; less " + string.Join(" ", Enumerable.Repeat("omega", 100))],
            test.Slack.Posted.Items.Select(m => m.Text));
        Assert.All(test.Slack.Posted.Items, m => Assert.Equal((Dm, null), (m.Channel, m.ThreadTs)));
    }

    [Fact]
    public async Task SendAsync_ThreadEndUser_PostedInTheThread()
    {
        await using var test = await StartAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("On it") with { PlatformUserId = $"{Support}:1700000000.000100:{User}" }, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        Assert.Equal((Support, "1700000000.000100"), (Assert.Single(test.Slack.Posted.Items).Channel, test.Slack.Posted.Items[0].ThreadTs));
    }

    [Fact]
    public async Task SendAsync_ThreeChoices_BlockKitButtonsCarryingEntryAndOptions()
    {
        await using var test = await StartAsync();
        var message = Choices("Which time?", "19:00", "19:30", "20:00");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var posted = Assert.Single(test.Slack.Posted.Items);
        Assert.Equal("Which time?", posted.Text);
        Assert.Equal([("choices:" + message.EntryIdentifier, "19:00", "c0"), ("choices:" + message.EntryIdentifier, "19:30", "c1"),
            ("choices:" + message.EntryIdentifier, "20:00", "c2")], posted.Buttons.Select(b => (b.BlockId, b.Text, b.Value)));
    }

    [Theory]
    [InlineData(26, "Option")]
    [InlineData(2, "A title much longer than seventy-five characters, which a Slack button cannot show")]
    public async Task SendAsync_ChoicesBeyondSlacksLimits_NumberedText(int count, string title)
    {
        await using var test = await StartAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Choices("Choose", [.. Enumerable.Range(1, count).Select(i => $"{title} {i}")]), Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var posted = Assert.Single(test.Slack.Posted.Items);
        Assert.Null(posted.Blocks);
        Assert.Contains($"2. {title} 2", posted.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Http429_RetryableAfterRetryAfter()
    {
        await using var test = await StartAsync();
        test.Slack.Faults.ThrottleNext(1, TimeSpan.FromSeconds(7), "chat.postMessage");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct);

        Assert.Equal((DeliveryOutcomeKind.Retryable, TimeSpan.FromSeconds(7)), (outcome.Kind, outcome.RetryAfter));
        Assert.Empty(test.Slack.Posted.Items);
        Assert.True((await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct)).IsSuccess);
    }

    [Theory]
    [InlineData("ratelimited", DeliveryOutcomeKind.Retryable)]
    [InlineData("internal_error", DeliveryOutcomeKind.Retryable)]
    [InlineData("channel_not_found", DeliveryOutcomeKind.Permanent)]
    [InlineData("not_in_channel", DeliveryOutcomeKind.Permanent)]
    [InlineData("invalid_auth", DeliveryOutcomeKind.Permanent)]
    [InlineData("msg_too_long", DeliveryOutcomeKind.Permanent)]
    public async Task SendAsync_OkFalse_MappedByError(string error, DeliveryOutcomeKind kind)
    {
        await using var test = await StartAsync();
        test.Slack.Errors.Next("chat.postMessage", error);

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct);

        Assert.Equal(kind, outcome.Kind);
        Assert.Contains(error, outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ChannelTheBotIsNotIn_PermanentSayingToInviteTheApp()
    {
        await using var test = await StartAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello") with { PlatformUserId = "C0NOTINVITED:" + User }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("not_in_channel (invite the app", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WrongBotToken_PermanentInvalidAuth()
    {
        await using var test = await StartAsync("--Connector:Slack:Channels:slack:BotToken=xoxb-wrong-token");

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("invalid_auth", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TypingAndProgress_SucceedWithNothingPosted()
    {
        await using var test = await StartAsync();

        foreach (var kind in new[] { OutboundKind.TypingStarted, OutboundKind.TypingStopped, OutboundKind.Progress })
        {
            Assert.True((await test.ChannelInstance.Outbound.SendAsync(Text(null) with { Kind = kind }, Ct)).IsSuccess);
        }

        Assert.Empty(test.Slack.Posted.Items);
    }

    [Fact]
    public async Task SendAsync_File_UploadedByTheExternalFlowIntoTheThreadWithTheTextAsComment()
    {
        await using var test = await StartAsync();
        var message = Files("Here is the menu", "menu.pdf") with { PlatformUserId = $"{Support}:1700000000.000100:{User}" };

        var outcome = await test.ChannelInstance.Outbound.SendAsync(message, Ct);

        Assert.True(outcome.IsSuccess, outcome.Error);
        var shared = Assert.Single(test.Slack.SharedFiles.Items);
        Assert.Equal(("menu.pdf", Support, "1700000000.000100", "Here is the menu"), (shared.Name, shared.Channel, shared.ThreadTs, shared.InitialComment));
        Assert.Equal(s_pdf, shared.Content);
        Assert.Empty(test.Slack.Posted.Items);
    }

    [Fact]
    public async Task SendAsync_FileSalesforceNoLongerHas_NoticePostedAndPermanentNamingIt()
    {
        await using var test = await StartAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Files(null, "gone.pdf"), Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Contains("gone.pdf", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("The agent sent gone.pdf, which could not be delivered.", Assert.Single(test.Slack.Posted.Items).Text);
    }

    [Fact]
    public async Task SendAsync_NotASlackEndUser_Permanent()
    {
        await using var test = await StartAsync();

        var outcome = await test.ChannelInstance.Outbound.SendAsync(Text("hello") with { PlatformUserId = "C1:1.2:U3:extra" }, Ct);

        Assert.Equal(DeliveryOutcomeKind.Permanent, outcome.Kind);
        Assert.Empty(test.Slack.Posted.Items);
    }

    private Task<SlackTestHost> StartAsync(params string[] extraArgs) =>
        SlackTestHost.StartAsync(Ct, new FakeSlackOptions { RetryDelays = [] }, verify: false,
            extraArgs: [$"--Connector:Salesforce:InstanceUrl={_salesforceFiles.BaseAddress}", .. extraArgs]);

    private static OutboundMessage Text(string? text) => new()
    {
        Channel = "slack",
        PlatformUserId = $"{Dm}:{User}",
        EntryIdentifier = "entry-" + Guid.NewGuid().ToString("N"),
        ConversationIdentifier = "conv-1",
        Kind = OutboundKind.Text,
        Text = text,
    };

    private static OutboundMessage Choices(string text, params string[] titles) => Text(text) with
    {
        Kind = OutboundKind.Choices,
        Choices = [.. titles.Select((title, i) => new ChoiceOption("c" + i, title))],
    };

    private OutboundMessage Files(string? text, params string[] names) => Text(text) with
    {
        Kind = OutboundKind.Attachment,
        Attachments = [.. names.Select(n => new OutboundAttachment(n, "application/pdf", new Uri(_salesforceFiles.BaseAddress, "/files/" + n).AbsoluteUri))],
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

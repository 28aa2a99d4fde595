using Byoc.Cli.Up;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Telegram;

namespace Byoc.EndToEnd.Tests;

/// <summary>
/// The setup guide's Definition of Done over the Telegram channel: the fake Bot API plays Telegram (its users write, tap
/// buttons and send files; its webhook sender delivers and retries as Telegram does), the emulated org plays Salesforce.
/// </summary>
public sealed class TelegramDefinitionOfDoneTests
{
    private const string Channel = "tg";
    private const string SecretToken = "Byoc_Telegram-Secret";
    private static readonly byte[] s_png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Telegram_CustomerReachesAgentTapsButtonThenHuman_RepliesOnTelegramAndReceiptsInOrg()
    {
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true }, Ct);
        await using var test = await StartAsync(telegram);
        var user = telegram.AddUser("Ada", "ada_l");

        // A message, and Telegram's own redelivery of it: stored once.
        var hello = await telegram.SendTextAsync(user.Id, "Hello", Ct);
        await telegram.WaitForDeliveryAsync(hello, Ct).WaitAsync(Timeout, Ct);
        telegram.Redeliver(hello);
        await telegram.WebhookAttempts.WaitForCountAsync(2, a => a.Id == Id(hello.UpdateId) && a.Succeeded, Ct).WaitAsync(Timeout, Ct);

        // The agent's menu arrives as an inline keyboard; a tap is the pick, and is answered.
        var menu = await telegram.WaitForMessageAsync(user.Id, m => m.Buttons.Count > 0, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(["Make a reservation", "Check a reservation", "Cancel a reservation", "Opening hours"], menu.AllButtons.Select(b => b.Text));
        var session = await test.SessionAsync();
        Assert.Single(test.Entries(session), e => e.GetString("ActorType") == "EndUser" && e.GetString("Message") == "Hello");
        Assert.Equal("Bot", session.GetString("AgentType"));
        var tap = await telegram.PressButtonAsync(user.Id, menu.AllButtons.Single(b => b.Text == "Opening hours").CallbackData!, cancellationToken: Ct);
        await telegram.WaitForCallbackAnswerAsync(tap.CallbackQueryId!, Ct).WaitAsync(Timeout, Ct);
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "ChoicesResponse" && e.GetString("Message") == "Opening hours"), "the tap as a ChoicesResponse entry");
        await telegram.WaitForMessageAsync(user.Id, m => m.Text?.Contains("closed on Mondays", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);

        // Escalation: the fallback queue, a rep who joins and answers on Telegram.
        await telegram.SendTextAsync(user.Id, "I want to speak to a human", Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await telegram.WaitForMessageAsync(user.Id, m => m.Text?.StartsWith("You are now talking to Alex", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);
        // Telegram's flood control answers the rep's first two attempts with 429 retry_after: the outbox waits and nothing is lost.
        telegram.Faults.ThrottleNext(2, TimeSpan.FromSeconds(1), "sendMessage");
        var repEntry = await rep.SendAsync(session.Id, "Hi, this is Alex. How can I help?");
        await telegram.WaitForMessageAsync(user.Id, m => m.Text == "Hi, this is Alex. How can I help?", Ct).WaitAsync(Timeout, Ct);
        Assert.Single(telegram.SentMessages.Items, m => m.Text == "Hi, this is Alex. How can I help?");

        // Receipts: Telegram has none for bots, so a successful send is Delivered; nothing is ever Read.
        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Delivered", "Delivered on the rep's ConversationEntry");
        Assert.Contains(test.Entries(session), e => e.GetString("ActorType") is "Bot" or "Chatbot" && e.GetString("MessageStatus") == "Delivered");
        Assert.Single(test.Entries(session), e => e.GetString("Message") == "Hello");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Telegram_FilesBothWays_PhotoReachesOrgAndRepFileIsUploaded()
    {
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true }, Ct);
        await using var test = await StartAsync(telegram);
        var user = telegram.AddUser("Ada");

        var photo = await telegram.SendPhotoAsync(user.Id, s_png, "my receipt", Ct);
        await telegram.WaitForDeliveryAsync(photo, Ct).WaitAsync(Timeout, Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's photo in the org");

        await telegram.SendTextAsync(user.Id, "I want to speak to a human", Ct);
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");

        var sent = await telegram.WaitForMessageAsync(user.Id, m => m.File is not null, Ct).WaitAsync(Timeout, Ct);
        Assert.Equal(("sendDocument", "Today's menu", "menu.pdf"), (sent.Method, sent.Text, sent.File!.FileName));
        Assert.Equal(s_pdf, sent.File.Content);
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Telegram_UserBlockedTheBot_RepMessageRecordedAsDeliveryFailure()
    {
        await using var telegram = await FakeTelegram.StartAsync(new FakeTelegramOptions { AllowInsecureLoopbackWebhooks = true }, Ct);
        await using var test = await StartAsync(telegram, "--Connector:Delivery:MaxAttempts=3");
        var user = telegram.AddUser("Ada");
        await telegram.SendTextAsync(user.Id, "I want to speak to a human", Ct);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        await telegram.WaitForMessageAsync(user.Id, m => m.Text?.StartsWith("You are now talking to Alex", StringComparison.Ordinal) == true, Ct).WaitAsync(Timeout, Ct);

        telegram.BlockBot(user.Id);
        var repEntry = await rep.SendAsync(session.Id, "Are you still there?");

        await WaitFor.ConditionAsync(() => StatusOf(test, repEntry) == "Error", "Error on the rep's entry (MessageDeliveryFailed)");
        Assert.Contains(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
    }

    private static Task<TestStack> StartAsync(FakeTelegram telegram, params string[] extraArgs) => StartAndSetWebhookAsync(telegram, extraArgs);

    private static async Task<TestStack> StartAndSetWebhookAsync(FakeTelegram telegram, string[] extraArgs)
    {
        var key = $"--Connector:Telegram:Channels:{Channel}";
        var test = await TestStack.StartAsync(null,
        [
            $"{key}:ChannelAddressIdentifier={UpOptions.ChannelAddressPlaceholder}",
            $"{key}:BotToken={telegram.Token}",
            $"{key}:SecretToken={SecretToken}",
            $"{key}:ApiBaseUrl={telegram.BaseAddress}",
            .. extraArgs,
        ]);
        await telegram.SetWebhookAsync(new Uri(test.Stack.ConnectorUrl, "/channels/" + Channel), SecretToken, Ct);
        return test;
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static string Id(long updateId) => updateId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan Timeout => TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using System.Text.Json.Nodes;
using Byoc.Cli.Up;
using Byoc.Emulator.Conversations;
using Byoc.Emulator.Routing;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.EndToEnd.Tests;

/// <summary>Files both ways between the webhook platform and the emulated org, through the connector.</summary>
public sealed class AttachmentEndToEndTests
{
    private const string Guest = "guest-files";
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
    private static readonly byte[] s_pdf = "%PDF-1.4 today's menu"u8.ToArray();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Webhook_FilesBothWays_RefusalsAreReadableAndRecorded()
    {
        await using var sink = await PlatformSink.StartAsync(Ct);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl, "--Connector:Attachments:MaxInboundBytes=4096");
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);

        // In: an accepted file becomes the end user's Attachment entry; the upload result (MessageUpdated) needs no notice.
        await platform.SendFileAsync("f-1", Guest, "receipt.png", "image/png", s_png);
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Entries(session).Any(e => e.GetString("ActorType") == "EndUser"
            && e.GetString("EntryType") == "Attachment" && e.GetBoolean("HasAttachments") == true), "the end user's file in the org");

        // In, refused: wrong type, too large, a URL into the private network. Each answer names the problem.
        var wrongType = await platform.PostRawAsync(WebhookPlatform.FileEvent("f-2", Guest,
            new JsonObject { ["name"] = "notes.txt", ["mimeType"] = "text/plain", ["data"] = Convert.ToBase64String("hello"u8.ToArray()) }));
        Assert.Equal(415, wrongType.Status);
        Assert.Contains("Files of type 'text/plain' cannot be sent", wrongType.Body, StringComparison.Ordinal);
        var tooLarge = await platform.PostRawAsync(WebhookPlatform.FileEvent("f-3", Guest,
            new JsonObject { ["name"] = "big.png", ["mimeType"] = "image/png", ["data"] = Convert.ToBase64String(new byte[5000]) }));
        Assert.Equal(413, tooLarge.Status);
        Assert.Contains("larger than the limit", tooLarge.Body, StringComparison.Ordinal);
        var privateUrl = await platform.PostRawAsync(WebhookPlatform.FileEvent("f-4", Guest,
            new JsonObject { ["name"] = "x.png", ["mimeType"] = "image/png", ["url"] = new Uri(sink.OutboundUrl, "/x.png").ToString() }));
        Assert.Equal(422, privateUrl.Status);
        Assert.Contains("AllowedHosts", privateUrl.Body, StringComparison.Ordinal);

        // Out: a rep's file is downloaded from the org and delivered inline; the platform hears who joined.
        await platform.SendTextAsync("m-1", Guest, "I want to speak to a human");
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);
        var joined = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Type == "participant" && d.Json["operation"]?.GetValue<string>() == "joined"
            && d.Text?.Contains("Alex", StringComparison.Ordinal) == true), "the rep's participant notice");
        Assert.StartsWith("You are now talking to ", joined.Text, StringComparison.Ordinal);

        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");
        var delivered = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Id == fileEntry), "the rep's file at the platform");
        var file = delivered.Json["attachments"]![0]!;
        Assert.Equal(("message", "Today's menu"), (delivered.Type, delivered.Text));
        Assert.Equal(("menu.pdf", "application/pdf"), (file["name"]!.GetValue<string>(), file["mimeType"]!.GetValue<string>()));
        Assert.Equal(s_pdf, Convert.FromBase64String(file["data"]!.GetValue<string>()));
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");

        // Out, refused: a file URL pointing at cloud metadata is never fetched; the end user reads why, the org records the failure.
        var address = test.Stack.Emulator.Services.GetRequiredService<ConversationDirectory>().Resolve(session.Id)!;
        var repUser = test.Org.Records("User").Single(u => u.GetString("Username") == UpBanner.SuggestedRep);
        var badEntry = await test.Stack.Emulator.Services.GetRequiredService<IConversationEvents>().PublishAsync(new AttachmentMessageEvent(
            address, EventSender.Rep(repUser.Id, repUser.GetString("Name")!), null,
            [new OutboundAttachment(Guid.NewGuid().ToString(), "secret.pdf", "application/pdf", "http://169.254.169.254/latest/meta-data/")]), Ct);
        var notice = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Id == badEntry), "the refusal notice at the platform");
        Assert.Equal("The agent sent secret.pdf, which could not be delivered.", notice.Text);
        Assert.Null(notice.Json["attachments"]);
        await WaitFor.ConditionAsync(() => StatusOf(test, badEntry) == "Error", "Error on the refused file's entry (MessageDeliveryFailed)");
        Assert.Contains(test.Entries(session), e => e.GetString("EntryType") == "MessageDeliveryFailed");
        Assert.DoesNotContain(sink.Deliveries, d => d.Type == "notice");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Webhook_LinkMode_RepFileArrivesAsSignedUrlServingTheBytes()
    {
        await using var sink = await PlatformSink.StartAsync(Ct);
        await using var test = await TestStack.StartAsync(sink.OutboundUrl, $"--Connector:Webhook:Channels:{ConnectorArguments.WebhookChannel}:OutboundFiles=Link",
            $"--Connector:Webhook:Channels:{ConnectorArguments.WebhookChannel}:PublicBaseUrl=https://byoc.example.com/");
        using var platform = new WebhookPlatform(test.Stack.WebhookUrl, test.Stack.Secrets.WebhookSecret);
        await platform.SendTextAsync("m-1", Guest, "I want to speak to a human");
        var session = await test.SessionAsync();
        await WaitFor.ConditionAsync(() => test.Current(session).GetString("Status") == "Waiting", "the session in the fallback queue");
        using var rep = new RepClient(test.Stack.InstanceUrl, UpBanner.SuggestedRep);
        await rep.SetAvailableAsync();
        await rep.AcceptQueuedAsync(session.Id);

        var fileEntry = await rep.SendFileAsync(session.Id, "menu.pdf", "application/pdf", s_pdf, "Today's menu");
        var delivered = await WaitFor.ValueAsync(() => sink.Deliveries.FirstOrDefault(d => d.Id == fileEntry), "the rep's file at the platform");

        var file = delivered.Json["attachments"]![0]!;
        Assert.Null(file["data"]);
        var url = new Uri(file["url"]!.GetValue<string>());
        Assert.StartsWith($"https://byoc.example.com/webhooks/{ConnectorArguments.WebhookChannel}/files/", url.AbsoluteUri, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = test.Stack.ConnectorUrl };
        using var served = await http.GetAsync(new Uri(url.PathAndQuery, UriKind.Relative), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(s_pdf, await served.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        await WaitFor.ConditionAsync(() => StatusOf(test, fileEntry) == "Delivered", "Delivered on the rep's file entry");
    }

    private static string? StatusOf(TestStack test, string messageIdentifier) =>
        test.Org.Records("ConversationEntry").FirstOrDefault(e => e.GetString("MessageIdentifier") == messageIdentifier)?.GetString("MessageStatus");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

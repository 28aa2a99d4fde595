using System.Text.Json.Nodes;
using Byoc.Connector.Pipeline;
using Byoc.Connector.Tests.Salesforce;
using Byoc.Core.Messages;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Byoc.Connector.Tests.Pipeline;

/// <summary>Choices, links and participant notices on a native and on a text-only webhook channel.</summary>
public sealed class RichMessagePipelineTests
{
    private static readonly ChoiceOption[] s_days = [new("o-today", "Today"), new("o-tomorrow", "Tomorrow")];

    [Fact]
    public async Task NativeChannel_ChoicesLinksAndParticipant_SentAsStructuredJson()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);

        await SendAsync(host, Choices("e1"));
        await SendAsync(host, Message("e2", OutboundKind.Text, "See our policy.") with { Links = [new OutboundLink("https://example.com/p", "Policy")] });
        await SendAsync(host, Message("e3", OutboundKind.ParticipantChanged, null) with { SenderDisplayName = "Alex", ParticipantJoined = true });

        var posted = host.CustomerRequests.Select(r => JsonNode.Parse(r.Body)!).ToArray();
        Assert.Equal(("choices", "Buttons", "Which day?"), (Str(posted[0], "type"), Str(posted[0], "format"), Str(posted[0], "text")));
        Assert.Equal(["o-today", "o-tomorrow"], posted[0]["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(("message", "https://example.com/p", "Policy"), (Str(posted[1], "type"), Str(posted[1]["links"]![0]!, "url"), Str(posted[1]["links"]![0]!, "title")));
        Assert.Equal(("participant", "joined", "You are now talking to Alex."), (Str(posted[2], "type"), Str(posted[2], "operation"), Str(posted[2], "text")));
    }

    [Fact]
    public async Task TextChannel_NumberedOptions_TypedNumberOrTitleReturnsAsChoicesResponse()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null,
            "--Connector:Webhook:Channels:web:RichMessages=Text",
            "--Connector:Webhook:Channels:web:ParticipantJoinedText=Agent {name} is here.");
        using var client = host.Connector.CreateClient();

        await SendAsync(host, Choices("e1"));
        await SendAsync(host, Message("e2", OutboundKind.Text, "See our policy.") with { Links = [new OutboundLink("https://example.com/p", "Policy")] });
        await SendAsync(host, Message("e3", OutboundKind.ParticipantChanged, null) with { SenderDisplayName = "Alex", ParticipantJoined = true });
        var posted = host.CustomerRequests.Select(r => JsonNode.Parse(r.Body)!).ToArray();
        Assert.All(posted, p => Assert.Equal("message", Str(p, "type")));
        Assert.Equal("Which day?\n1. Today\n2. Tomorrow\nReply with the number or the name of your choice.", Str(posted[0], "text"));
        Assert.Null(posted[0]["choices"]);
        Assert.Equal("See our policy.\nPolicy: https://example.com/p", Str(posted[1], "text"));
        Assert.Equal("Agent Alex is here.", Str(posted[2], "text"));

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":" 2 "}"""), Ct)).Dispose();
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m2","userId":"u1","text":"2"}"""), Ct)).Dispose();
        await SendAsync(host, Choices("e4"));
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m3","userId":"u1","text":"today"}"""), Ct)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count == 3);
        var sent = host.Scrt.Requests.Select(r => JsonNode.Parse(MultipartReader.Parse(r.Header("Content-Type")!, r.BodyText)[0].Body)!).ToArray();
        Assert.All(sent, s => ContractValidator.InboundWhenPresent?.AssertValid(s, "InteractionRequestJson"));
        var messages = sent.Select(s => s["interactions"]![0]!["payload"]!["abstractMessage"]!).ToArray();
        Assert.Equal(("ChoicesResponseMessage", "e1", "o-tomorrow", "Tomorrow"), Pick(messages[0]));
        Assert.Equal(("StaticContentMessage", "2"), (Str(messages[1], "messageType"), Str(messages[1]["staticContent"]!, "text")));
        Assert.Equal(("ChoicesResponseMessage", "e4", "o-today", "Today"), Pick(messages[2]));
    }

    [Fact]
    public async Task NativeChannel_TimePicker_SentAsChoicesWithStartAndDuration()
    {
        await using var host = await ConnectorHost.StartAsync(Ct);

        await SendAsync(host, TimePicker("e1"));

        var posted = JsonNode.Parse(Assert.Single(host.CustomerRequests).Body)!;
        Assert.Equal(("choices", "TimePicker", "Free tables tonight"), (Str(posted, "type"), Str(posted, "format"), Str(posted, "text")));
        Assert.Equal(
            """[{"id":"slot-1900","title":"Tue 24 Nov, 19:00 UTC","startTime":"2026-11-24T19:00:00Z","duration":5400},"""
            + """{"id":"slot-1930","title":"Tue 24 Nov, 19:30 UTC","startTime":"2026-11-24T19:30:00Z","duration":5400}]""",
            posted["choices"]!.ToJsonString());
    }

    [Fact]
    public async Task TextChannel_TimePicker_NumberedSlotsAndTypedNumberOrTitleReturnsAsChoicesResponse()
    {
        await using var host = await ConnectorHost.StartAsync(Ct, null, "--Connector:Webhook:Channels:web:RichMessages=Text");
        using var client = host.Connector.CreateClient();

        await SendAsync(host, TimePicker("e1"));
        var posted = JsonNode.Parse(Assert.Single(host.CustomerRequests).Body)!;
        Assert.Equal(("message", null), (Str(posted, "type"), posted["choices"]));
        Assert.Equal("Free tables tonight\n1. Tue 24 Nov, 19:00 UTC\n2. Tue 24 Nov, 19:30 UTC\nReply with the number or the name of your choice.",
            Str(posted, "text"));

        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m1","userId":"u1","text":"2"}"""), Ct)).Dispose();
        await SendAsync(host, TimePicker("e2"));
        (await client.SendAsync(WebhookClient.Signed("web", """{"type":"message","id":"m2","userId":"u1","text":"tue 24 nov, 19:00 utc"}"""), Ct)).Dispose();

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count == 2);
        var sent = host.Scrt.Requests.Select(r => JsonNode.Parse(MultipartReader.Parse(r.Header("Content-Type")!, r.BodyText)[0].Body)!).ToArray();
        Assert.All(sent, s => ContractValidator.InboundWhenPresent?.AssertValid(s, "InteractionRequestJson"));
        var messages = sent.Select(s => s["interactions"]![0]!["payload"]!["abstractMessage"]!).ToArray();
        Assert.Equal(("ChoicesResponseMessage", "e1", "slot-1930", "Tue 24 Nov, 19:30 UTC"), Pick(messages[0]));
        Assert.Equal(("ChoicesResponseMessage", "e2", "slot-1900", "Tue 24 Nov, 19:00 UTC"), Pick(messages[1]));
    }

    private static (string?, string?, string?, string?) Pick(JsonNode message)
    {
        var option = message["choicesResponse"]!["selectedOptions"]![0]!;
        return (Str(message, "messageType"), Str(message, "inReplyToMessageId"), Str(option, "optionIdentifier"), Str(option["optionTitle"]!, "title"));
    }

    private static async Task SendAsync(ConnectorHost host, OutboundMessage message)
    {
        var result = await host.Services.GetRequiredService<ChannelRegistry>().Find("web")!.Outbound.SendAsync(message, Ct);
        Assert.Equal(Byoc.Core.Delivery.DeliveryOutcomeKind.Succeeded, result.Kind);
    }

    private static OutboundMessage Choices(string id) =>
        Message(id, OutboundKind.Choices, "Which day?") with { Choices = s_days, ChoicesFormat = "Buttons" };

    private static OutboundMessage TimePicker(string id) =>
        Message(id, OutboundKind.Choices, "Free tables tonight") with
        {
            ChoicesFormat = "TimePicker",
            Choices =
            [
                new("slot-1900", "Tue 24 Nov, 19:00 UTC", new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), 5400),
                new("slot-1930", "Tue 24 Nov, 19:30 UTC", new DateTimeOffset(2026, 11, 24, 19, 30, 0, TimeSpan.Zero), 5400),
            ],
        };

    private static OutboundMessage Message(string id, OutboundKind kind, string? text) => new()
    {
        Channel = "web",
        PlatformUserId = "u1",
        EntryIdentifier = id,
        ConversationIdentifier = "conv-1",
        Kind = kind,
        Text = text,
        SenderDisplayName = "Reservation Agent",
    };

    private static string? Str(JsonNode node, string name) => node[name]?.GetValue<string>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using Byoc.Connector.Salesforce.PubSub;
using Byoc.Connector.Tests.Channels.WebChat;
using Byoc.Connector.Tests.Pipeline;
using Byoc.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Diagnostics;

public sealed class LogRedactionTests
{
    private const string RawUser = "raw-user-5e1f9c";

    [Fact]
    public async Task Conversation_AtTraceLevel_NeverLogsSecretsTokensSignaturesOrRawEndUserIds()
    {
        var ct = TestContext.Current.CancellationToken;
        var capture = new CapturingLoggerProvider();
        await using var host = await ConnectorHost.StartAsync(builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(capture);
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
        }, null, ct, "--Logging:LogLevel:Default=Trace", "--Connector:Admin:ApiKey=admin-key-5b7d",
            $"--Connector:WebChat:Channels:{WebChatTestHost.Channel}:ChannelAddressIdentifier={ConnectorHost.ChannelAddress}",
            $"--Connector:WebChat:Channels:{WebChatTestHost.Channel}:SessionSecret={WebChatTestHost.SessionSecret}");
        using var client = host.Connector.CreateClient();
        using var inbound = WebhookClient.Signed("web", $$"""{"type":"message","id":"m1","userId":"{{RawUser}}","text":"hi"}""");
        var inboundSignature = inbound.Headers.GetValues("webhook-signature").Single();

        (await client.SendAsync(inbound, ct)).Dispose();
        using (var refused = await client.SendAsync(WebhookClient.Signed("web", $$"""{"type":"attachment","id":"f1","userId":"{{RawUser}}",""" +
            """ "attachment":{"name":"a.png","mimeType":"image/png","url":"https://byoc-user:url-password-7c3e@files.example.invalid/a.png?sig=q-secret-91"}}"""), ct))
        {
            Assert.Equal(422, (int)refused.StatusCode);
        }

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/interactions"));
        await host.Services.GetRequiredService<IPlatformEventHandler>().HandleAsync(
            new PlatformEvent("/event/Conversation__e", Guid.NewGuid().ToString(), [0, 0, 0, 1], "Interaction", AgentEvents.Text("entry-1", "Hello from the agent", $"web:{RawUser}")), ct);
        await WaitFor.ConditionAsync(() => !host.CustomerRequests.IsEmpty);
        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Any(r => r.Path == "/api/v1/acknowledgement"));
        var visitor = await WebChatTestHost.NewSessionAsync(client);
        (await WebChatTestHost.PostAsync(client, visitor.Token, """{"type":"message","id":"w1","text":"from the page"}""")).Dispose();
        using (var stream = await WebChatTestHost.OpenStreamAsync(client, visitor.Token))
        {
            await stream.ReadAsync();
        }

        await WaitFor.ConditionAsync(() => host.Scrt.Requests.Count(r => r.Path == "/api/v1/interactions") >= 2);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/deadletters", UriKind.Relative));
        request.Headers.Add("X-Byoc-Admin-Key", "admin-key-5b7d");
        (await client.SendAsync(request, ct)).Dispose();

        var forbidden = new Dictionary<string, string>
        {
            ["access token"] = host.Token.TokenFactory(1),
            ["JWT assertion"] = host.Token.Assertions.First().EncodedToken,
            ["JWT signature"] = host.Token.Assertions.First().EncodedSignature,
            ["webhook secret"] = ConnectorHost.Secret["whsec_".Length..],
            ["inbound signature"] = inboundSignature.Split(',')[1],
            ["outbound signature"] = host.CustomerRequests.First().Header("webhook-signature")!.Split(',')[1],
            ["admin key"] = "admin-key-5b7d",
            ["raw end-user id"] = RawUser,
            ["web chat session token"] = visitor.Token,
            ["web chat visitor id"] = visitor.VisitorId,
            ["web chat session secret"] = WebChatTestHost.SessionSecret,
            ["URL user"] = "byoc-user",
            ["URL password"] = "url-password-7c3e",
            ["URL query"] = "q-secret-91",
        };
        var lines = capture.Lines.ToArray();
        Assert.True(lines.Length > 50, $"Expected a Trace-level log of the conversation, got {lines.Length} lines.");
        Assert.Contains(lines, l => l.Contains("InboundStored", StringComparison.Ordinal) && l.Contains("EndUser=u:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("https://<redacted>@files.example.invalid/a.png", StringComparison.Ordinal));
        foreach (var (what, value) in forbidden)
        {
            Assert.False(lines.Any(l => l.Contains(value, StringComparison.Ordinal)),
                $"The {what} was logged: {lines.FirstOrDefault(l => l.Contains(value, StringComparison.Ordinal))}");
        }
    }
}

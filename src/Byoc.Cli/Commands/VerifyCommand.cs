using System.CommandLine;
using System.Text.Json;
using Byoc.Cli.Up;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.Setup.Verify;
using Spectre.Console;
using static Byoc.Cli.Commands.SetupConsole;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc verify</c>: the guide's Definition of Done end to end through a running connector's webhook channel. With
/// <c>--emulator</c> it uses <c>byoc up</c>'s connector, webhook secret and built-in sink.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(TimeProvider time)
    {
        var connection = new SetupConnectionOptions();
        var connectorUrl = SetupConsole.UrlOption("--connector-url", "The running connector; default with --emulator: http://127.0.0.1:5080.");
        var webhookChannel = new Option<string>("--webhook-channel") { Description = "The connector's webhook channel name.", DefaultValueFactory = _ => ConnectorArguments.WebhookChannel };
        var secret = new Option<string?>("--webhook-secret") { Description = "The webhook channel's whsec_ secret; default with --emulator: from up-secrets.json." };
        var sink = SetupConsole.UrlOption("--sink-url", "Where the channel's deliveries can be listed (GET → JSON array); default with --emulator: the connector's /up/webhook-sink.");
        var agent = new Option<string>("--agent") { Description = "The agent's BotDefinition developer name.", DefaultValueFactory = _ => "Reservation_Agent" };
        var channel = new Option<string>("--channel") { Description = "The BYOC MessagingChannel developer name.", DefaultValueFactory = _ => "AgentforceChannel" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each reply or routing change.", DefaultValueFactory = _ => 60 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON." };
        var command = new Command("verify",
            "Verify the Definition of Done end to end: an end user's message through the connector reaches the agent, the reply comes back through the channel, " +
            "the MessagingSession, AgentWork and transcript are right, and escalation moves the session to the fallback queue. " + SetupConnectionOptions.ExitCodesHelp + ".")
        {
            connectorUrl, webhookChannel, secret, sink, agent, channel, timeout, json,
        };
        connection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Open(parseResult.InvocationConfiguration.Output);
            using var http = new HttpClient();
            OrgConnection org;
            VerifyOptions options;
            try
            {
                org = await connection.LoginAsync(parseResult, http, time, cancellationToken);
                var emulator = parseResult.GetValue(connection.Emulator);
                var connector = parseResult.GetValue(connectorUrl) ?? (emulator ? new Uri("http://127.0.0.1:5080") : throw new ArgumentException("--connector-url is required without --emulator."));
                options = new VerifyOptions
                {
                    ConnectorUrl = connector,
                    WebhookChannel = parseResult.GetValue(webhookChannel)!,
                    WebhookSecret = parseResult.GetValue(secret)
                        ?? (emulator ? ReadUpSecret(parseResult.GetValue(connection.StateDirectory)!) : throw new ArgumentException("--webhook-secret is required without --emulator.")),
                    SinkUrl = parseResult.GetValue(sink) ?? (emulator ? new Uri(connector, WebhookSink.Path) : null),
                    Agent = parseResult.GetValue(agent)!,
                    Channel = parseResult.GetValue(channel)!,
                    Timeout = TimeSpan.FromSeconds(parseResult.GetValue(timeout)),
                };
            }
            catch (Exception ex) when (ex is OrgLoginException or ArgumentException)
            {
                return await FailAsync(parseResult.InvocationConfiguration.Error, "verify", ex);
            }

            var asJson = parseResult.GetValue(json);
            if (!asJson)
            {
                console.MarkupLine($"[bold]byoc verify[/] on {Escape(org.InstanceUrl.ToString())} through {Escape(options.ConnectorUrl.ToString())} as end user {Escape(options.EndUserId)}");
            }

            var runner = new VerifyRunner(new OrgClient(http, org, time), http, options, time);
            var results = await runner.RunAsync(asJson ? null : r => WriteLine(console, r), cancellationToken);
            var cleanup = await runner.CleanUpAsync(cancellationToken);
            var passed = results.All(r => r.Passed);
            if (asJson)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    passed,
                    endUserId = options.EndUserId,
                    results = results.Select(r => new { r.Name, r.Title, r.Passed, r.Evidence, elapsedMs = (long)r.Elapsed.TotalMilliseconds }),
                    cleanup = new
                    {
                        cleanup.MessagingEndUserId,
                        cleanup.MessagingSessionId,
                        cleanup.RemovedRoutingIds,
                        cleanup.Error,
                    },
                }, Json));
            }
            else
            {
                WriteTable(console, results, passed);
                WriteCleanup(console, cleanup);
            }

            return passed ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static string ReadUpSecret(string stateDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(stateDirectory), UpSecrets.FileName);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{path} is missing: start byoc up with this state folder, or pass --webhook-secret.");
        }

        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("webhookSecret").GetString()
            ?? throw new ArgumentException($"{path} has no webhookSecret.");
    }

    private static void WriteLine(IAnsiConsole console, VerifyResult result) =>
        console.MarkupLine($"{(result.Passed ? "[green]pass[/]" : "[red]FAIL[/]")} {Escape(result.Title)} [grey]({result.Elapsed.TotalSeconds:0.0} s)[/]");

    private static void WriteCleanup(IAnsiConsole console, VerifyCleanup cleanup)
    {
        if (cleanup.MessagingSessionId is null)
        {
            console.MarkupLine(cleanup.Error is null
                ? $"Created: nothing in the org (no MessagingSession for {Escape(cleanup.EndUserId)})."
                : $"[yellow]Could not look for the test session:[/] {Escape(cleanup.Error)}");
            return;
        }

        console.MarkupLine($"Created: test end user {Escape(cleanup.EndUserId)} (MessagingEndUser {Escape(cleanup.MessagingEndUserId ?? "?")}), " +
            $"MessagingSession {Escape(cleanup.MessagingSessionId)} and its transcript.");
        console.MarkupLine(cleanup.Error is not null
            ? $"[yellow]Clean-up failed:[/] {Escape(cleanup.Error)}; delete the session's PendingServiceRouting so no one is offered it."
            : cleanup.RemovedRoutingIds.Count == 0
                ? "Removed: nothing was waiting in a queue."
                : $"Removed: {cleanup.RemovedRoutingIds.Count} PendingServiceRouting ({Escape(string.Join(", ", cleanup.RemovedRoutingIds))}), so the test conversation no longer waits in the fallback queue.");
        console.MarkupLine("[grey]The session itself ends by the channel's inactivity timeout: no API lets a partner end a BYOC session.[/]");
    }

    private static void WriteTable(IAnsiConsole console, IReadOnlyList<VerifyResult> results, bool passed)
    {
        var table = new Table().AddColumn("Check").AddColumn("Result").AddColumn(new TableColumn("Time").RightAligned()).AddColumn("Evidence");
        foreach (var result in results)
        {
            table.AddRow(Escape(result.Title), result.Passed ? "[green]pass[/]" : "[red]FAIL[/]", $"{result.Elapsed.TotalSeconds:0.00} s", Escape(result.Evidence));
        }

        console.Write(table);
        console.MarkupLine(passed ? "[green]Definition of Done: verified.[/]" : "[red]Definition of Done: not met.[/] Run byoc doctor for the fix.");
    }
}

using System.CommandLine;
using System.Text.Json;
using Byoc.Cli.Commands.Channels;
using Byoc.Cli.Commands.Config;
using Byoc.Connector.Hosting;
using Byoc.Setup.Checks;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.Setup.Package;
using Spectre.Console;
using static Byoc.Cli.Commands.SetupConsole;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc doctor</c>: every check of the guide's troubleshooting section and the partner docs' health checks, each with
/// status, evidence and fix. With <c>--emulator</c> the connector, its login and the Pub/Sub endpoint come from the state folder.
/// With <c>--config &lt;file&gt;</c> the connector's own configuration is checked against its org (see <see cref="ConfigDoctor"/>);
/// the org's checks run as well when a connection to the org is given.
/// </summary>
internal static class DoctorCommand
{
    /// <summary>The narrowest output the results are shown as a table in; below it, as one block per check.</summary>
    internal const int TableMinWidth = 120;

    public static Command Create(TimeProvider time)
    {
        var connection = new SetupConnectionOptions();
        var agent = new Option<string>("--agent") { Description = "The agent's BotDefinition developer name.", DefaultValueFactory = _ => "Reservation_Agent" };
        var channel = new Option<string>("--channel") { Description = "The BYOC MessagingChannel developer name.", DefaultValueFactory = _ => "AgentforceChannel" };
        var address = new Option<string?>("--channel-address") { Description = "The connector's ChannelAddressIdentifier (checks that channel instead of --channel)." };
        var connectorUrl = SetupConsole.UrlOption("--connector-url", "The running connector (its /healthz/ready); default with --emulator: http://127.0.0.1:5080.");
        var connectorKey = new Option<string?>("--connector-consumer-key") { Description = "The connector's consumer key (checks its token)." };
        var connectorUser = new Option<string?>("--connector-username") { Description = "The connector's integration user." };
        var connectorKeyFile = new Option<string?>("--connector-key-file") { Description = "The connector's private key file." };
        var loginUrl = SetupConsole.UrlOption("--connector-login-url", "The connector's login URL.", new Uri("https://login.salesforce.com"));
        var pubSub = SetupConsole.UrlOption("--pubsub-endpoint", "The Pub/Sub API (https://api.pubsub.salesforce.com:7443 for real orgs); needs the connector login.");
        var pubSubCa = new Option<string?>("--pubsub-ca-file") { Description = "PEM CA to trust for the Pub/Sub endpoint (the emulated org's local CA)." };
        var connectorConfig = new Option<string?>("--connector-config")
        {
            Description = "The connector's JSON configuration file whose Telegram, Twilio, WhatsApp, Messenger, Slack and LINE channels (and those in Connector__ environment " +
                "variables) are checked on their platform; default: the --config file.",
        };
        var config = new Option<string?>("--config")
        {
            Description = "The connector's configuration file (as byoc connector --config reads it): validate it, check each platform channel " +
                "(Telegram, Twilio, WhatsApp, Messenger, Slack, LINE) on its platform, mint its token, check the token's scopes, its channel addresses and its Pub/Sub topic. Needs no other connection to the org.",
        };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var command = new Command("doctor",
            "Diagnose a BYOC setup: channel definition, event fields, SCRT permission set, channel, agent routing, fallback queue, connector, token, Pub/Sub topic, " +
            "and each Telegram channel's bot and webhook, each Twilio channel's credentials and webhook, each WhatsApp channel's token and phone number id, " +
            "each Messenger channel's Page token, each Slack channel's bot token and each LINE channel's access token; " +
            "each with evidence and the fix. " + SetupConnectionOptions.ExitCodesHelp + ".")
        {
            agent, channel, address, connectorUrl, connectorKey, connectorUser, connectorKeyFile, loginUrl, pubSub, pubSubCa, connectorConfig, config, json,
        };
        connection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Open(parseResult.InvocationConfiguration.Output);
            using var http = new HttpClient();
            if (parseResult.GetValue(config) is { } configFile && !connection.AnyChosen(parseResult))
            {
                return await RunConfigAsync(parseResult, console, http, time, configFile, parseResult.GetValue(json), cancellationToken);
            }

            OrgConnection org;
            EmulatorState? state;
            IReadOnlyList<PlatformDoctorCheck> channelChecks;
            try
            {
                // --config's own run below checks the connector's token and addresses, not the channels: they are checked here.
                channelChecks = PlatformDoctorCheck.From(
                    ConnectorConfigurationFile.Read(parseResult.GetValue(connectorConfig) ?? parseResult.GetValue(config)), http);
                org = await connection.LoginAsync(parseResult, http, time, cancellationToken);
                state = connection.EmulatorState(parseResult);
            }
            catch (Exception ex) when (ex is OrgLoginException or ArgumentException)
            {
                return await FailAsync(parseResult.InvocationConfiguration.Error, "doctor", ex);
            }

            var client = new OrgClient(http, org, time);
            var connectorLogin = parseResult.GetValue(connectorUser) is { } user
                ? new JwtLoginSettings(parseResult.GetValue(connectorKey) ?? "", user, parseResult.GetValue(connectorKeyFile) ?? "", parseResult.GetValue(loginUrl)!)
                : state?.LoginAs(state.Username);
            var pubSubEndpoint = parseResult.GetValue(pubSub) ?? (state?.PubSubUrl is { } url ? new Uri(url) : null);
            ITopicProbe? probe = null;
            if (pubSubEndpoint is not null && connectorLogin is not null)
            {
                var organization = await client.QueryAsync("SELECT Id FROM Organization", cancellationToken: cancellationToken);
                probe = new DoctorPubSubProbe(pubSubEndpoint, parseResult.GetValue(pubSubCa) ?? (state?.PubSubTls == true ? state.PubSubCaFile : null),
                    organization.FirstOrNull()?.Str("Id")?[..15] ?? "", time);
            }

            var options = new DoctorOptions
            {
                Agent = parseResult.GetValue(agent)!,
                Channel = parseResult.GetValue(channel)!,
                ChannelAddress = parseResult.GetValue(address),
                ConnectorUrl = parseResult.GetValue(connectorUrl) ?? (state is not null ? new Uri("http://127.0.0.1:5080") : null),
                ConnectorLogin = connectorLogin,
                TopicProbe = probe,
                ChannelChecks = channelChecks,
            };
            var asJson = parseResult.GetValue(json);
            if (!asJson)
            {
                console.MarkupLine($"[bold]byoc doctor[/] on {Escape(org.InstanceUrl.ToString())} ({Escape(org.Source)})");
            }

            var context = new DoctorContext(client, ProviderPackage.Load(), options, http, time);
            var results = await DoctorRunner.RunAsync(context, time, asJson ? null : r => console.MarkupLine($"{Label(r.Status)} {Escape(r.Title)}"), cancellationToken);
            if (parseResult.GetValue(config) is { } alsoConfig)
            {
                results = [.. results, .. await new ConfigDoctor(http, time).RunAsync(alsoConfig,
                    asJson ? null : r => console.MarkupLine($"{Label(r.Status)} {Escape(r.Title)}"), cancellationToken)];
            }

            var failed = results.Count(r => r.Status == CheckStatus.Fail);
            if (asJson)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { healthy = failed == 0, checks = results }, Json));
            }
            else
            {
                Write(console, results, failed);
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>
    /// <c>byoc doctor --config</c> alone: one line per check, and for a failure its evidence and fix on the lines below.
    /// Exit 2 when the file does not pass the connector's validation, 3 when the org's token endpoint cannot be reached,
    /// 1 when another check failed.
    /// </summary>
    private static async Task<int> RunConfigAsync(ParseResult parseResult, IAnsiConsole console, HttpClient http, TimeProvider time, string configFile,
        bool asJson, CancellationToken cancellationToken)
    {
        var doctor = new ConfigDoctor(http, time, checkChannels: true);
        if (!asJson)
        {
            console.MarkupLine($"[bold]byoc doctor[/] --config {Escape(Path.GetFullPath(configFile))}");
        }

        var results = await doctor.RunAsync(configFile, asJson ? null : r => WriteConfigResult(console, r), cancellationToken);
        var failed = results.Where(r => r.Status == CheckStatus.Fail).ToList();
        if (asJson)
        {
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new { healthy = failed.Count == 0, checks = results }, Json));
        }
        else
        {
            console.MarkupLine(failed.Count == 0 ? "[green]All checks passed.[/]" : $"[red]{failed.Count} check(s) failed.[/]");
        }

        // The text above already shows each failure; with --json they also go, one line each, to the error stream.
        foreach (var (name, line) in asJson ? failed.SelectMany(f => f.Evidence.Split('\n').Select(line => (f.Name, line))) : [])
        {
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"byoc doctor: {name}: {line}");
        }

        return failed switch
        {
            [] => ExitCodes.Success,
            [{ Name: ConfigDoctor.ConfigCheck }, ..] => ExitCodes.InvalidUsage,
            _ when doctor.Unreachable => ExitCodes.NotAvailable,
            _ => ExitCodes.Failure,
        };
    }

    /// <summary>
    /// One check of <c>byoc doctor --config</c>: a line with its status, title and evidence, and for a failure its fix
    /// indented below (also where a narrow terminal wraps it, so the key or command in it stays readable).
    /// </summary>
    internal static void WriteConfigResult(IAnsiConsole console, CheckResult result)
    {
        console.MarkupLine($"{Label(result.Status)} {Escape(result.Title)}: {Escape(result.Evidence.Replace("\n", "\n     ", StringComparison.Ordinal))}");
        if (result.Status == CheckStatus.Fail && result.Fix is not null)
        {
            console.Write(new Padder(new Markup("[yellow]Fix:[/] " + Escape(result.Fix)), new Padding(5, 0, 0, 0)) { Expand = false });
        }
    }

    /// <summary>The results after the progress lines: a table, or in a narrow terminal one block per check; then the notes and the verdict.</summary>
    internal static void Write(IAnsiConsole console, IReadOnlyList<CheckResult> results, int failed)
    {
        if (console.Profile.Width >= TableMinWidth)
        {
            var table = new Table().AddColumn("Check").AddColumn("Status").AddColumn("Evidence").AddColumn("Fix");
            foreach (var result in results)
            {
                table.AddRow(Escape(result.Name), Label(result.Status), Escape(result.Evidence), Escape(result.Fix));
            }

            console.Write(table);
        }
        else
        {
            // In a narrow terminal the table's columns cut configuration keys, URLs and commands mid-word, so they cannot
            // be copied; one indented block per check wraps only between words.
            console.WriteLine();
            foreach (var result in results)
            {
                console.MarkupLine($"{Label(result.Status)} [bold]{Escape(result.Name)}[/]");
                console.Write(new Padder(new Markup(Escape(result.Evidence)), new Padding(5, 0, 0, 0)) { Expand = false });
                if (result.Fix is { Length: > 0 } fix)
                {
                    console.Write(new Padder(new Markup("[yellow]Fix:[/] " + Escape(fix)), new Padding(5, 0, 0, 0)) { Expand = false });
                }
            }
        }

        foreach (var note in results.Where(r => r.Note is not null).Select(r => $"{r.Name}: {r.Note}").Distinct())
        {
            console.MarkupLine($"[grey]Note (corrected query) {Escape(note)}[/]");
        }

        console.MarkupLine(failed == 0 ? "[green]All checks passed.[/]" : $"[red]{failed} check(s) failed.[/] Apply the fixes above, then run byoc doctor again.");
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "[green]pass[/]",
        CheckStatus.Skip => "[grey]skip[/]",
        _ => "[red]FAIL[/]",
    };
}

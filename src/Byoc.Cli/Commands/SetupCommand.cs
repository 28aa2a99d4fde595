using System.CommandLine;
using System.Text.Json;
using Byoc.Cli.Commands.Config;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.Setup.Package;
using Byoc.Setup.Steps;
using Spectre.Console;
using static Byoc.Cli.Commands.SetupConsole;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc setup</c>: the setup guide's steps 1–5 against a real or emulated org, idempotent, with <c>--dry-run</c>; prints
/// what the connector needs from the org at the end, and with <c>--write-config</c> writes its complete, validated configuration.
/// </summary>
internal static class SetupCommand
{
    public static Command Create(TimeProvider time)
    {
        var connection = new SetupConnectionOptions();
        var agent = new Option<string>("--agent") { Description = "The agent's BotDefinition developer name.", DefaultValueFactory = _ => "Reservation_Agent" };
        var channel = new Option<string>("--channel") { Description = "The BYOC MessagingChannel developer name.", DefaultValueFactory = _ => "AgentforceChannel" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; change nothing." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var writeConfig = new WriteConfigOptions();
        var command = new Command("setup",
            "Set up an org for the BYOC Connector: check the agent, licence and admin access; check Messaging; deploy the provider package; " +
            "create (or guide creation of) the BYOC channel; create the fallback queue; route the channel to the agent; print the connector configuration (--write-config <file>: write it complete, secrets in owner-only files). " +
            "A second run changes nothing. " + SetupConnectionOptions.ExitCodesHelp + "; 4 a person must act in Setup (the output says where), then rerun.")
        {
            agent, channel, dryRun, json,
        };
        connection.AddTo(command);
        writeConfig.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Open(parseResult.InvocationConfiguration.Output);
            using var http = new HttpClient();
            OrgConnection org;
            try
            {
                writeConfig.CheckUsage(parseResult, parseResult.GetValue(connection.Emulator));
                org = await connection.LoginAsync(parseResult, http, time, cancellationToken);
            }
            catch (Exception ex) when (ex is OrgLoginException or ArgumentException)
            {
                return await FailAsync(parseResult.InvocationConfiguration.Error, "setup", ex);
            }

            var asJson = parseResult.GetValue(json);
            var options = new SetupOptions { Agent = parseResult.GetValue(agent)!, Channel = parseResult.GetValue(channel)!, DryRun = parseResult.GetValue(dryRun) };
            var context = new SetupContext(new OrgClient(http, org, time), ProviderPackage.Load(), options);
            if (!asJson)
            {
                console.MarkupLine($"[bold]byoc setup[/] on {Escape(org.InstanceUrl.ToString())} ({Escape(org.Source)}){(options.DryRun ? " [yellow](dry run)[/]" : "")}");
            }

            var run = await SetupRunner.RunAsync(context, asJson ? null : step => WriteStep(console, step, options.DryRun), cancellationToken);
            WrittenConfig? written = null;
            if (writeConfig.File(parseResult) is not null && run.Configuration is { } configuration && !options.DryRun)
            {
                try
                {
                    written = await writeConfig.WriteAsync(parseResult, configuration, connection.EmulatorState(parseResult), time);
                }
                catch (ArgumentException ex)
                {
                    return await FailAsync(parseResult.InvocationConfiguration.Error, "setup", ex);
                }
            }

            if (asJson)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    run.DryRun,
                    run.Changed,
                    run.Complete,
                    steps = run.Steps.Select(s => new { s.Title, s.State, s.Detail, s.Fix, elapsedMs = (long)s.Elapsed.TotalMilliseconds }),
                    configuration = run.Configuration,
                    configFile = written,
                }, Json));
            }
            else
            {
                WriteSummary(console, run);
                WriteConfigSummary(console, written);
            }

            if (written is { Failures.Count: > 0 })
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(
                    $"byoc setup: the written configuration does not pass the connector's validation: {string.Join("; ", written.Failures)}");
                return ExitCodes.Failure;
            }

            return run.Blocker switch
            {
                { State: StepState.ActionRequired } => ExitCodes.ActionRequired,
                not null => ExitCodes.Failure,
                null => ExitCodes.Success,
            };
        });
        return command;
    }

    private static void WriteStep(IAnsiConsole console, StepOutcome step, bool dryRun)
    {
        var (mark, colour) = step.State switch
        {
            StepState.UpToDate => ("ok", "green"),
            StepState.Change => (dryRun ? "would" : "changed", "cyan"),
            StepState.ActionRequired => ("action", "yellow"),
            _ => ("FAILED", "red"),
        };
        console.MarkupLine($"[{colour}]{mark,-8}[/] [bold]{Escape(step.Title)}[/] [grey]({step.Elapsed.TotalSeconds:0.0} s)[/]");
        console.MarkupLine($"         {Escape(step.Detail)}");
        if (step.Fix is not null)
        {
            console.MarkupLine($"         [{colour}]Fix:[/] {Escape(step.Fix)}");
        }
    }

    private static void WriteSummary(IAnsiConsole console, SetupRun run)
    {
        console.WriteLine();
        if (run.Blocker is { } blocker)
        {
            console.MarkupLine(blocker.State == StepState.ActionRequired
                ? $"[yellow]Setup paused at '{Escape(blocker.Title)}'.[/] Do the step above, then run byoc setup again: it resumes there."
                : $"[red]Setup stopped at '{Escape(blocker.Title)}'.[/]");
            return;
        }

        console.MarkupLine(run.DryRun
            ? (run.Changed ? "[yellow]Dry run: the steps marked 'would' would change the org; nothing was changed.[/]" : "[green]Dry run: the org is already set up; nothing would change.[/]")
            : (run.Changed ? "[green]The org is set up.[/]" : "[green]The org was already set up; nothing changed.[/]"));
        if (run.Configuration is not { } configuration)
        {
            return;
        }

        var table = new Table().Title("Connector configuration").AddColumn("Setting").AddColumn("Value");
        table.AddRow("Channel address identifier", Escape(configuration.ChannelAddressIdentifier));
        table.AddRow("AuthorizationContext (CCD developer name)", Escape(configuration.AuthorizationContext));
        table.AddRow("Pub/Sub topic", Escape(configuration.Topic));
        table.AddRow("EventType field", Escape(configuration.EventTypeField));
        table.AddRow("Payload field", Escape(configuration.PayloadField));
        table.AddRow("Org id", Escape(configuration.OrgId));
        table.AddRow("Instance URL", Escape(configuration.InstanceUrl));
        console.Write(table);
        console.WriteLine(configuration.ToAppSettings().ToJsonString(Json));
    }

    private static void WriteConfigSummary(IAnsiConsole console, WrittenConfig? written)
    {
        if (written is null)
        {
            return;
        }

        console.MarkupLine($"Connector configuration written to {Escape(written.ConfigFile)}" +
            (written.SecretFiles.Count > 0 ? $"; its secrets are in owner-only files in {Escape(Path.GetDirectoryName(written.SecretFiles[0]))}." : " (secrets inline)."));
        if (written.KeyGenerated)
        {
            console.MarkupLine($"[yellow]Generated a key pair:[/] upload {Escape(written.Certificate)} to the connector's External Client App or Connected App " +
                "(Use digital signatures), then run byoc doctor --config " + Escape(written.ConfigFile) + ".");
        }
        else if (written.Failures.Count == 0)
        {
            console.MarkupLine($"Check it against the org: byoc doctor --config {Escape(written.ConfigFile)}; run it: byoc connector --config {Escape(written.ConfigFile)}.");
        }
    }
}

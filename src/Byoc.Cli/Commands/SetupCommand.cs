using System.CommandLine;
using System.Text.Json;
using Byoc.Setup.Connection;
using Byoc.Setup.Org;
using Byoc.Setup.Package;
using Byoc.Setup.Steps;
using Spectre.Console;
using static Byoc.Cli.Commands.SetupConsole;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc setup</c>: the setup guide's steps 1–5 against a real or emulated org, idempotent, with <c>--dry-run</c>; prints
/// the connector configuration at the end.
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
        var output = new Option<FileInfo?>("--output") { Description = "Also write the connector configuration (appsettings JSON fragment) to this file." };
        var command = new Command("setup",
            "Set up an org for the BYOC Connector: check the agent, licence and admin access; check Messaging; deploy the provider package; " +
            "create (or guide creation of) the BYOC channel; create the fallback queue; route the channel to the agent; print the connector configuration. " +
            "A second run changes nothing. " + SetupConnectionOptions.ExitCodesHelp + "; 4 a person must act in Setup (the output says where), then rerun.")
        {
            agent, channel, dryRun, json, output,
        };
        connection.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = Open(parseResult.InvocationConfiguration.Output);
            using var http = new HttpClient();
            OrgConnection org;
            try
            {
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
            if (parseResult.GetValue(output) is { } file && run.Configuration is { } written)
            {
                await File.WriteAllTextAsync(file.FullName, written.ToAppSettings().ToJsonString(Json), cancellationToken);
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
                }, Json));
            }
            else
            {
                WriteSummary(console, run, parseResult.GetValue(output));
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

    private static void WriteSummary(IAnsiConsole console, SetupRun run, FileInfo? output)
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
        if (output is not null)
        {
            console.MarkupLine($"Written to {Escape(output.FullName)}.");
        }
    }
}

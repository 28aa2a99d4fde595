using System.CommandLine;
using Byoc.Cli.Hosting;
using Byoc.Emulator;
using Microsoft.Extensions.Hosting;

namespace Byoc.Cli.Commands;

/// <summary><c>byoc emulator</c>: runs the emulated Salesforce org until Ctrl+C; <c>byoc emulator credentials</c> prints how to reach it.</summary>
internal static class EmulatorCommand
{
    public static Command Create()
    {
        var options = new EmulatorCommandOptions();
        var command = new Command("emulator", "Run the emulated Salesforce org: OAuth, Interaction Service API and Pub/Sub API on loopback.");
        options.AddTo(command);
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep records and events in memory only (keys still go to the state folder)." };
        var seed = new Option<string>("--seed")
        {
            Description = "What an empty org is seeded with: complete (provider setup done) or prerequisites (only what the guide assumes).",
            DefaultValueFactory = _ => "complete",
        };
        seed.AcceptOnlyFromAmong("complete", "prerequisites");
        command.Options.Add(inMemory);
        command.Options.Add(seed);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var args = options.ToArgs(parseResult);
            args.Add($"--Emulator:InMemory={parseResult.GetValue(inMemory)}");
            args.Add($"--Emulator:Seed={(parseResult.GetValue(seed) == "prerequisites" ? "PrerequisitesOnly" : "Complete")}");
            var output = parseResult.InvocationConfiguration.Output;
            var start = new HostStart();
            await using var app = EmulatorApplication.Create([.. args], start.MuteStartupFailureLog);
            try
            {
                await start.StartAsync(app, "the emulated org", "Stop what uses that port, or choose another with --instance-port, --scrt-port or --pubsub-port.",
                    explain: null, cancellationToken);
            }
            catch (HostStartException ex)
            {
                return await ex.WriteAsync(parseResult.InvocationConfiguration.Error, "emulator");
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }

            var credentials = EmulatorApplication.GetCredentials(app);
            await output.WriteLineAsync($"Emulated org running. Instance {credentials.InstanceUrl}, SCRT {credentials.ScrtUrl}, Pub/Sub {credentials.PubSubUrl}.");
            await output.WriteLineAsync("Run 'byoc emulator credentials' for everything a client needs. Press Ctrl+C to stop.");
            try
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C: stop cleanly below.
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Success;
        });
        command.Subcommands.Add(EmulatorCredentialsCommand.Create());
        return command;
    }
}

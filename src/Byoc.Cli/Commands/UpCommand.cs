using System.CommandLine;
using Byoc.Cli.Hosting;
using Byoc.Cli.Up;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc up</c>: starts the emulated Salesforce org and the connector together in one process, wired with the org's
/// credentials, with a web chat channel (<c>web</c>) and a webhook channel (<c>webhook</c>). Ctrl+C stops both.
/// </summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var stateDir = new Option<string>("--state-dir") { Description = "State folder of the org and the connector.", DefaultValueFactory = _ => ".byoc" };
        var instancePort = new Option<int>("--instance-port") { Description = "Port of the org instance (OAuth, REST, rep console).", DefaultValueFactory = _ => 6100 };
        var scrtPort = new Option<int>("--scrt-port") { Description = "Port of the Interaction Service API.", DefaultValueFactory = _ => 6101 };
        var pubSubPort = new Option<int>("--pubsub-port") { Description = "Port of the Pub/Sub API (gRPC, TLS).", DefaultValueFactory = _ => 6102 };
        var connectorPort = new Option<int>("--port") { Description = "Port of the connector (web chat, webhooks, health).", DefaultValueFactory = _ => 5080 };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep the org's records and the connector's database only while running." };
        var webhookUrl = new Option<Uri?>("--webhook-url")
        {
            Description = "Where the webhook channel POSTs replies; default: the built-in sink on the connector (/up/webhook-sink).",
        };
        var command = new Command("up", "Start the emulated Salesforce org and the connector together, wired, and print the web chat URL.")
        {
            stateDir, instancePort, scrtPort, pubSubPort, connectorPort, inMemory, webhookUrl,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new UpOptions
            {
                StateDirectory = parseResult.GetValue(stateDir)!,
                InstancePort = parseResult.GetValue(instancePort),
                ScrtPort = parseResult.GetValue(scrtPort),
                PubSubPort = parseResult.GetValue(pubSubPort),
                ConnectorPort = parseResult.GetValue(connectorPort),
                InMemory = parseResult.GetValue(inMemory),
                WebhookOutboundUrl = parseResult.GetValue(webhookUrl),
            };
            var output = parseResult.InvocationConfiguration.Output;
            var console = CliConsole.CreateUnwrapped(output);
            // The first start creates keys, a local CA and two databases: say so before the pause.
            console.WriteLine("byoc up: starting the emulated org and the connector...");
            var error = parseResult.InvocationConfiguration.Error;
            UpStack stack;
            try
            {
                stack = await UpStack.StartAsync(options, cancellationToken);
            }
            catch (HostStartException ex)
            {
                return await ex.WriteAsync(error, "up");
            }
            catch (OptionsValidationException ex)
            {
                return await HostStart.Configuration(ex.Failures, explain: null, ex).WriteAsync(error, "up");
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }

            await using (stack)
            {
                UpBanner.Write(console, CliConsole.Width(output), stack, builtInSink: options.WebhookOutboundUrl is null);
                await stack.WaitForShutdownAsync(cancellationToken);
                console.WriteLine("byoc up: stopping...");
                await stack.StopAsync();
            }

            console.WriteLine("byoc up: stopped.");
            return ExitCodes.Success;
        });
        return command;
    }
}

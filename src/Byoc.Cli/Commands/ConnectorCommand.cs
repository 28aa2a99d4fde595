using System.CommandLine;
using Byoc.Connector;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc connector</c>: runs the connector against any org. Configuration comes from <c>appsettings.json</c>,
/// environment variables (<c>Connector__Salesforce__OrgId</c>) and extra <c>--Key=Value</c> arguments. Ctrl+C stops it.
/// </summary>
internal static class ConnectorCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the connector listens.", DefaultValueFactory = _ => DefaultUrl };
        var command = new Command("connector",
            "Run the connector: webhooks in, Salesforce Interaction Service API out; Pub/Sub events in, channels out. " +
            "Configure it with appsettings.json, environment variables (Connector__Salesforce__OrgId) or --Connector:Salesforce:OrgId=... arguments.")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            string[] args = [$"--urls={parseResult.GetValue(urls)}", .. parseResult.UnmatchedTokens];
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            await using var app = ConnectorApplication.Create(args);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                WriteConfigurationErrors(error, ex.Failures);
                return ExitCodes.InvalidUsage;
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
            {
                WriteConfigurationErrors(error, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures));
                return ExitCodes.InvalidUsage;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }

            await output.WriteLineAsync($"byoc connector: listening on {string.Join(", ", app.Urls)}; press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
            await output.WriteLineAsync("byoc connector: stopped.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteConfigurationErrors(TextWriter error, IEnumerable<string> failures)
    {
        error.WriteLine("byoc connector: the configuration is incomplete or wrong:");
        foreach (var failure in failures)
        {
            error.WriteLine($"  - {failure}");
        }
    }
}

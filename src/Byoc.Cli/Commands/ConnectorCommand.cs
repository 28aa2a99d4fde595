using System.CommandLine;
using Byoc.Cli.Hosting;
using Byoc.Connector;
using Byoc.Connector.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc connector</c>: runs the connector against any org. Configuration comes from <c>appsettings.json</c>, the
/// <c>--config</c> file, environment variables (<c>Connector__Salesforce__OrgId</c>, <c>…_FILE</c> for a value kept in a
/// file) and extra <c>--Key=Value</c> arguments. Ctrl+C or SIGTERM drains and stops it.
/// </summary>
internal static class ConnectorCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The environment variable that names the configuration file when <c>--config</c> is not given.</summary>
    public const string ConfigFileVariable = "BYOC_CONFIG";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where the connector listens; default {DefaultUrl} unless the configuration says (urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS, Kestrel:Endpoints).",
        };
        var config = new Option<string?>("--config")
        {
            Description = $"A JSON configuration file (env {ConfigFileVariable}), read after appsettings.json and before environment variables.",
        };
        var reload = new Option<bool>("--reload-config")
        {
            Description = "Re-read the JSON configuration files when they change (polled; only Logging takes effect live, the rest needs a restart).",
        };
        var command = new Command("connector",
            "Run the connector: webhooks in, Salesforce Interaction Service API out; Pub/Sub events in, channels out. " +
            "Configure it with appsettings.json, --config <file>, environment variables (Connector__Salesforce__OrgId, or Connector__Salesforce__OrgId_FILE " +
            "naming a file that holds the value) or --Connector:Salesforce:OrgId=... arguments.")
        {
            urls, config, reload,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var settings = new ConnectorHostSettings
            {
                Args = [.. parseResult.GetValue(urls) is { } given ? [$"--urls={given}"] : Array.Empty<string>(), .. parseResult.UnmatchedTokens],
                ConfigFile = parseResult.GetValue(config) ?? NullIfEmpty(Environment.GetEnvironmentVariable(ConfigFileVariable)),
                ReloadOnChange = parseResult.GetValue(reload),
            };
            var start = new HostStart();
            WebApplication app;
            try
            {
                app = ConnectorApplication.Create(settings, start.MuteStartupFailureLog);
            }
            catch (OptionsValidationException ex)
            {
                return await HostStart.Configuration(ex.Failures, explain: null, ex).WriteAsync(error, "connector");
            }
            catch (InvalidDataException ex)
            {
                // A configuration file that is not valid JSON; the message names the file and the line.
                return await HostStart.Configuration([ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message], null, ex)
                    .WriteAsync(error, "connector");
            }

            await using (app)
            {
                if (!ListensByConfiguration(app.Configuration))
                {
                    app.Urls.Add(DefaultUrl);
                }

                try
                {
                    await start.StartAsync(app, "the connector", "Stop what uses that port, or choose another with --urls.",
                        failures => ConnectorConfiguration.Explain(app.Configuration, failures), cancellationToken);
                }
                catch (HostStartException ex)
                {
                    return await ex.WriteAsync(error, "connector");
                }
                catch (OperationCanceledException)
                {
                    return ExitCodes.Success;
                }

                await output.WriteLineAsync($"byoc connector: listening on {string.Join(", ", app.Urls)}; press Ctrl+C to stop.");
                await app.WaitForShutdownAsync(cancellationToken);
                await output.WriteLineAsync("byoc connector: stopped.");
                return ExitCodes.Success;
            }
        });
        return command;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>Whether the configuration already says where to listen, so the loopback default must not be added.</summary>
    private static bool ListensByConfiguration(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["urls"]) || !string.IsNullOrEmpty(configuration["http_ports"])
        || !string.IsNullOrEmpty(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").Exists();
}

using Byoc.Connector;
using Byoc.Connector.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Byoc.Cli.Commands.Config;

/// <summary>
/// Reads a configuration file exactly as <c>byoc connector --config</c> would (appsettings.json, the file, environment
/// variables, <c>_FILE</c> references) and runs the connector's own start-up options validation on it, without starting
/// anything: the validators are the connector's, so a file that passes here passes at start.
/// </summary>
internal static class ConnectorConfigLoader
{
    /// <summary>The built (not started) connector with its options validated, or the failures, each naming its key and source.</summary>
    public static (WebApplication? App, IReadOnlyList<string> Failures) Load(string configFile)
    {
        WebApplication app;
        try
        {
            app = ConnectorApplication.Create(new ConnectorHostSettings { ConfigFile = configFile, Args = ["--Logging:LogLevel:Default=Warning"] });
        }
        catch (OptionsValidationException ex)
        {
            return (null, [.. ex.Failures]);
        }
        catch (InvalidDataException ex)
        {
            return (null, [ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message]);
        }

        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return (app, []);
        }
        catch (OptionsValidationException ex)
        {
            return (null, Explain(app, ex.Failures));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            return (null, Explain(app, ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(inner => inner.Failures)));
        }
    }

    /// <summary>Only the failures; the application is disposed.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string configFile)
    {
        var (app, failures) = Load(configFile);
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        return failures;
    }

    private static List<string> Explain(WebApplication app, IEnumerable<string> failures)
    {
        List<string> explained = [.. ConnectorConfiguration.Explain(app.Configuration, failures)];
        // Nothing was started, so there is nothing to drain; the container only owns the file providers.
        ((IDisposable)app).Dispose();
        return explained;
    }
}

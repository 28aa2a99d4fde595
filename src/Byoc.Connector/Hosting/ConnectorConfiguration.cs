using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;

namespace Byoc.Connector.Hosting;

/// <summary>
/// The connector's configuration sources, weakest first: <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>
/// in the working directory, the <see cref="ConnectorHostSettings.ConfigFile"/>, environment variables, the command line,
/// and last the files that <c>Key_FILE</c> settings name. Nothing is watched unless asked. Also explains, for a failed
/// validation, which source set each key it names.
/// </summary>
public static partial class ConnectorConfiguration
{
    /// <summary>Adds the configuration file and the file references to a builder made by <c>HostBuilderDefaults.CreateSlimBuilder</c>.</summary>
    /// <returns>The polled file providers to dispose with the host, when <see cref="ConnectorHostSettings.ReloadOnChange"/> is on.</returns>
    /// <exception cref="OptionsValidationException">The configuration file is missing or a <c>_FILE</c> reference cannot be used.</exception>
    internal static ConfigurationFileWatch? Apply(WebApplicationBuilder builder, ConnectorHostSettings settings)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        var problems = new List<string>();
        if (settings.ConfigFile is { Length: > 0 } configFile)
        {
            var fullPath = Path.GetFullPath(configFile, contentRoot);
            if (File.Exists(fullPath))
            {
                var source = new JsonConfigurationSource { Path = fullPath, Optional = false };
                source.ResolveFileProvider();
                configuration.Sources.Insert(AfterLastJsonFile(configuration), source);
            }
            else
            {
                problems.Add($"The configuration file '{fullPath}' does not exist.");
            }
        }

        var watch = settings.ReloadOnChange ? ConfigurationFileWatch.Replace(configuration, contentRoot) : null;
        var references = FileReferences.Read(configuration, contentRoot, problems);
        if (problems.Count > 0)
        {
            watch?.Dispose();
            throw new OptionsValidationException("Connector", typeof(ConnectorHostSettings), problems);
        }

        if (references.Count > 0)
        {
            configuration.Sources.Add(new FileReferenceConfigurationSource(references));
        }

        return watch;
    }

    /// <summary>
    /// The failures with, after each, where the first configuration key it names got its value (a file, an environment
    /// variable, the command line, a <c>_FILE</c> reference) or that no source set it. Values are never repeated.
    /// </summary>
    /// <param name="configuration">The connector's configuration (<c>app.Configuration</c>).</param>
    /// <param name="failures">Validation failures that start with or contain a configuration key.</param>
    public static IEnumerable<string> Explain(IConfiguration configuration, IEnumerable<string> failures)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var failure in failures)
        {
            yield return configuration is IConfigurationRoot root && KeyPattern().Match(failure) is { Success: true } key
                ? $"{failure} [{ConfigurationSourceNames.Describe(root, key.Value)}]"
                : failure;
        }
    }

    /// <summary>Where <paramref name="key"/> got its value, in the words <see cref="Explain"/> uses.</summary>
    /// <param name="configuration">The connector's configuration (<c>app.Configuration</c>).</param>
    /// <param name="key">A configuration key such as <c>Connector:Salesforce:ScrtUrl</c>.</param>
    public static string DescribeSource(IConfiguration configuration, string key) =>
        configuration is IConfigurationRoot root ? ConfigurationSourceNames.Describe(root, key) : ConfigurationSourceNames.NotSet;

    private static int AfterLastJsonFile(ConfigurationManager configuration)
    {
        for (var i = configuration.Sources.Count - 1; i >= 0; i--)
        {
            if (configuration.Sources[i] is JsonConfigurationSource)
            {
                return i + 1;
            }
        }

        return configuration.Sources.Count;
    }

    [GeneratedRegex(@"\b(?:Connector|Logging|Kestrel)(?::[A-Za-z0-9_\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();
}

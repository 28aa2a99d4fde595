
namespace Byoc.Connector.Hosting;

/// <summary>
/// The connector's configuration as the connector would read it: a JSON configuration file in its format with
/// environment variables over it (<c>Connector__Twilio__Channels__sms__AuthToken</c>) and the files <c>Key_FILE</c>
/// settings name, the same keys the connector takes.
/// </summary>
public static class ConnectorConfigurationFile
{
    /// <summary>Reads <paramref name="configFile"/> (when given; it must exist) and the environment.</summary>
    /// <exception cref="ArgumentException">The file does not exist or is not JSON.</exception>
    public static IConfiguration Read(string? configFile)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            var path = Path.GetFullPath(configFile);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"The configuration file '{path}' does not exist.");
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = builder.AddEnvironmentVariables().Build();
        }
        catch (InvalidDataException ex)
        {
            throw new ArgumentException($"The configuration file '{configFile}' is not valid JSON: {ex.Message}", ex);
        }

        // Secrets named by Key_FILE settings (Connector:Twilio:Channels:sms:AuthToken_FILE), read as the connector reads them.
        var problems = new List<string>();
        var references = FileReferences.Read(configuration, Directory.GetCurrentDirectory(), problems);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems));
        }

        return references.Count == 0 ? configuration : builder.Add(new FileReferenceConfigurationSource(references)).Build();
    }
}

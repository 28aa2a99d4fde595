using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Byoc.Connector.Hosting;

/// <summary>
/// The opt-in reload (<see cref="ConnectorHostSettings.ReloadOnChange"/>): each JSON configuration file is polled on its
/// own, so no folder is watched and writes to the database or attachments never wake it. Disposed with the host.
/// </summary>
internal sealed class ConfigurationFileWatch : IDisposable
{
    private readonly List<PhysicalFileProvider> _providers = [];

    /// <summary>Replaces every JSON file source with one that reloads from a polled provider for that file's folder.</summary>
    public static ConfigurationFileWatch Replace(IConfigurationBuilder configuration, string baseDirectory)
    {
        var watch = new ConfigurationFileWatch();
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (configuration.Sources[i] is not JsonConfigurationSource { Path: { } path } json)
            {
                continue;
            }

            var root = json.FileProvider is PhysicalFileProvider physical ? physical.Root : baseDirectory;
            var fullPath = Path.GetFullPath(path, root);
            var provider = new PhysicalFileProvider(Path.GetDirectoryName(fullPath)!) { UsePollingFileWatcher = true, UseActivePolling = true };
            watch._providers.Add(provider);
            configuration.Sources[i] = new JsonConfigurationSource
            {
                Path = Path.GetFileName(fullPath),
                Optional = json.Optional,
                ReloadOnChange = true,
                ReloadDelay = json.ReloadDelay,
                FileProvider = provider,
            };
        }

        return watch;
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }
}

using Byoc.Connector.Hosting;
using Byoc.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Byoc.Connector.Tests.Hosting;

/// <summary>Issue 23 item 1: no configuration file watcher by default; the opt-in reload polls the files alone.</summary>
public sealed class ConfigurationWatchTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-config-watch-").FullName;

    [Fact]
    public async Task Create_Default_WatchesNoConfigurationFile()
    {
        await using var app = ConnectorApplication.Create([]);

        var files = ((IConfigurationRoot)app.Configuration).Providers.OfType<FileConfigurationProvider>().ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file} reloads on change (it watches the working directory tree)."));
    }

    [Fact]
    public async Task Create_ReloadOnChange_ReloadsEachFileFromItsOwnFolder()
    {
        var config = await WriteConfigAsync("Warning");
        await using var app = ConnectorApplication.Create(new ConnectorHostSettings { ConfigFile = config, ReloadOnChange = true });

        var files = ((IConfigurationRoot)app.Configuration).Providers.OfType<FileConfigurationProvider>().ToArray();
        Assert.Contains(files, file => file.Source.Path == Path.GetFileName(config));
        Assert.All(files, file =>
        {
            Assert.True(file.Source.ReloadOnChange);
            // PhysicalFileProvider reports UsePollingFileWatcher as false once it watches, so the process test
            // (ByocProcessTests) counts the inotify watches; here: each file has a provider of its own folder.
            var provider = Assert.IsType<PhysicalFileProvider>(file.Source.FileProvider);
            Assert.True(File.Exists(Path.Combine(provider.Root, file.Source.Path!)) || file.Source.Optional, $"{file} is not watched in its own folder.");
        });
    }

    [Fact]
    public async Task Create_ReloadOnChange_NewLogLevelTakesEffectWithoutRestart()
    {
        var config = await WriteConfigAsync("Warning");
        await using var app = ConnectorApplication.Create(new ConnectorHostSettings { ConfigFile = config, ReloadOnChange = true });
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Byoc.ReloadProbe");
        Assert.False(logger.IsEnabled(LogLevel.Information));

        await WriteConfigAsync("Information");

        // The polled provider looks every 4 s; give it a few rounds on a busy machine.
        await WaitFor.ConditionAsync(() => logger.IsEnabled(LogLevel.Information), timeout: TimeSpan.FromSeconds(30));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> WriteConfigAsync(string level)
    {
        var path = Path.Combine(_directory, "connector.json");
        await File.WriteAllTextAsync(path, $$"""{ "Logging": { "LogLevel": { "Byoc.ReloadProbe": "{{level}}" } } }""",
            TestContext.Current.CancellationToken);
        return path;
    }
}

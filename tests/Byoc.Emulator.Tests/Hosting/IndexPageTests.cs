using System.Net;
using Microsoft.Extensions.Configuration;

namespace Byoc.Emulator.Tests.Hosting;

public sealed class IndexPageTests
{
    [Fact]
    public async Task Root_OnInstance_AnswersAPageLinkingTheRepConsole()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = emulator.CreateInstanceClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("href=\"/console\"", page, StringComparison.Ordinal);
        Assert.Contains(emulator.Addresses.ScrtUrl.ToString(), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Default_WatchesNoConfigurationFile()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var files = ((IConfigurationRoot)emulator.App.Configuration).Providers.OfType<FileConfigurationProvider>().ToArray();
        Assert.NotEmpty(files);
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file} reloads on change (it watches the working directory tree)."));
    }
}

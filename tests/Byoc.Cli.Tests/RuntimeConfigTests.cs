using System.Text.Json.Nodes;

namespace Byoc.Cli.Tests;

/// <summary>The runtime settings the built <c>byoc</c> carries in its <c>byoc.runtimeconfig.json</c>.</summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public async Task RuntimeConfig_ThreadPool_DoesNotSpinForWork()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "byoc.runtimeconfig.json");

        var config = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;

        Assert.Equal(0, config["runtimeOptions"]!["configProperties"]!["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!.GetValue<int>());
    }
}

using System.Text.Json.Nodes;
using Byoc.Bench.Scenarios;

namespace Byoc.Bench.Tests;

/// <summary>
/// The soak at a tiny size (half a minute, 400 messages, 3 kills) against the byoc built next to the tests: the kills, the
/// two fault phases and the org restart all happen, every message is answered once and in order, and the books are split
/// per cause. The 100,000-message run is <c>byoc bench --soak</c> (docs/performance.md).
/// </summary>
public sealed class BenchSoakTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-bench-soak-").FullName;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SoakRun_KillsFaultsAndAnOrgRestart_LosesNothingAndReportsEachCause()
    {
        var byoc = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc");
        using var output = new StringWriter();
        var options = new BenchOptions(Smoke: true, _directory, Only: [], Soak: TimeSpan.FromSeconds(30), SoakMessages: 400, SoakKills: 3);

        var exitCode = await BenchRunner.RunAsync(options, byoc, "byoc bench --smoke --soak 0.5", output, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "results.json"), TestContext.Current.CancellationToken))!;
        var soak = Assert.Single(report["scenarios"]!.AsArray())!;
        Assert.Equal("soak", soak["name"]!.GetValue<string>());
        Assert.True(soak["recoveries"]!.AsArray().Count >= 3, output.ToString());
        Assert.Equal(1, soak["orgRestarts"]!.GetValue<int>());
        var counts = soak["counts"]!;
        Assert.Equal(400, counts["accepted"]!.GetValue<int>());
        Assert.Equal(400, counts["replied"]!.GetValue<int>());
        var causes = soak["causes"]!.AsObject();
        Assert.Equal(["SIGKILL", "calm", "faults", "org restart"], causes.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(400, causes.Sum(c => c.Value!["accepted"]!.GetValue<int>()));
        Assert.All(causes, cause => Assert.True(cause.Value!["lost"]!.GetValue<int>() == 0 && cause.Value["duplicated"]!.GetValue<int>() == 0
            && cause.Value["outOfOrder"]!.GetValue<int>() == 0, $"{cause.Key}: {cause.Value}"));
        Assert.Contains("by cause", await File.ReadAllTextAsync(Path.Combine(_directory, "results.md"), TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

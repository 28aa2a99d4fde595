using System.Text.Json.Nodes;
using Byoc.Bench.Scenarios;

namespace Byoc.Bench.Tests;

/// <summary>
/// The CI version of the benchmark: the smoke run (every scenario, tiny sizes) against the byoc built next to the tests.
/// Not a timed test: it checks that the harness works end to end and that nothing was lost, duplicated or reordered.
/// </summary>
public sealed class BenchSmokeTests : IDisposable
{
    private static readonly string[] s_scenarios = ["ceiling", "closed-normal", "closed-full", "telegram", "faults", "crash"];

    private readonly string _directory = Directory.CreateTempSubdirectory("byoc-bench-smoke-").FullName;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SmokeRun_EveryScenario_LosesDuplicatesAndReordersNothingAndWritesResults()
    {
        var byoc = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc");
        using var output = new StringWriter();

        var exitCode = await BenchRunner.RunAsync(new BenchOptions(Smoke: true, _directory, Only: []), byoc, "byoc bench --smoke", output,
            TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "results.json"), TestContext.Current.CancellationToken))!;
        Assert.True(report["passed"]!.GetValue<bool>());
        var scenarios = report["scenarios"]!.AsArray();
        var names = scenarios.Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.All(s_scenarios, name => Assert.Contains(name, names));
        Assert.Contains(names, name => name.StartsWith("open-", StringComparison.Ordinal));
        foreach (var scenario in scenarios)
        {
            var counts = scenario!["counts"]!;
            Assert.True(counts["accepted"]!.GetValue<int>() > 0, scenario["name"] + " accepted nothing");
            Assert.Equal(counts["accepted"]!.GetValue<int>(), counts["replied"]!.GetValue<int>());
            foreach (var figure in new[] { "lost", "duplicated", "outOfOrder", "unexpected" })
            {
                Assert.True(counts[figure]!.GetValue<int>() == 0, $"{scenario["name"]}: {figure} = {counts[figure]}");
            }

            Assert.True(scenario["latency"]!["p50"]!.GetValue<double>() > 0);
            if (!scenario["ceiling"]!.GetValue<bool>())
            {
                Assert.True(scenario["cpuSeconds"]!.GetValue<double>() > 0, scenario["name"] + " has no CPU time");
                Assert.True(scenario["peakMemoryMegabytes"]!.GetValue<double>() > 10, scenario["name"] + " has no peak memory");
            }
        }

        Assert.NotEmpty(scenarios.Single(s => s!["name"]!.GetValue<string>() == "crash")!["recoveries"]!.AsArray());
        Assert.Contains("<polyline", await File.ReadAllTextAsync(Path.Combine(_directory, "latency.svg"), TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task SmokeRun_Telegram_UpdatesGoInThroughTheWebhookAndEveryReplyArrivesOnTheFake()
    {
        var byoc = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "byoc.exe" : "byoc");
        using var output = new StringWriter();

        var exitCode = await BenchRunner.RunAsync(new BenchOptions(Smoke: true, _directory, Only: ["telegram"]), byoc, "byoc bench --smoke --only telegram",
            output, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, output.ToString());
        var report = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, "results.json"), TestContext.Current.CancellationToken))!;
        var scenario = Assert.Single(report["scenarios"]!.AsArray())!;
        Assert.Equal("telegram", scenario["name"]!.GetValue<string>());
        Assert.Equal("telegram", scenario["channel"]!.GetValue<string>());
        var counts = scenario["counts"]!;
        Assert.Equal(scenario["users"]!.GetValue<int>() * scenario["messagesPerUser"]!.GetValue<int>(), counts["accepted"]!.GetValue<int>());
        Assert.Equal(counts["accepted"]!.GetValue<int>(), counts["replied"]!.GetValue<int>());
        Assert.Equal(0, scenario["badSignatures"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(_directory, "telegram.db")), "the connector stored nothing for the telegram scenario");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp folders.
        }
    }
}

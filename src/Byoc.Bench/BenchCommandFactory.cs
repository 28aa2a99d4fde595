using System.CommandLine;
using Byoc.Bench.Scenarios;

namespace Byoc.Bench;

/// <summary>The <c>bench</c> command, shared by <c>byoc bench</c> and the standalone <c>Byoc.Bench</c> app.</summary>
public static class BenchCommandFactory
{
    /// <summary>Creates the command.</summary>
    /// <param name="name">The command's name (<c>bench</c> under <c>byoc</c>).</param>
    /// <param name="defaultByoc">The <c>byoc</c> executable to measure when <c>--byoc</c> is not given; null makes <c>--byoc</c> required.</param>
    public static Command Create(string name, Func<string?> defaultByoc)
    {
        ArgumentNullException.ThrowIfNull(defaultByoc);
        var smoke = new Option<bool>("--smoke") { Description = "Run the short version CI uses (under a minute) instead of the full run (about 10 minutes on 2 cores)." };
        var output = new Option<string?>("--out") { Description = "Folder for results.json, results.md, latency.svg and the connector logs (default artifacts/bench/{time})." };
        var only = new Option<string[]>("--only")
        {
            Description = "Run only these scenarios (name prefixes: ceiling, closed-normal, closed-full, telegram, open, faults, crash).",
            AllowMultipleArgumentsPerToken = true,
        };
        var soak = new Option<double?>("--soak")
        {
            Description = "Run only the soak for this many minutes: --soak-messages messages while the connector is killed --soak-kills times, " +
                "the fault mix comes and goes twice and the emulated org restarts once; reports lost, duplicated and out of order per cause.",
        };
        var soakMessages = new Option<int>("--soak-messages") { Description = "Messages the soak sends (default 100000).", DefaultValueFactory = _ => 100_000 };
        var soakKills = new Option<int>("--soak-kills") { Description = "SIGKILLs of the connector during the soak (default 10).", DefaultValueFactory = _ => 10 };
        var byoc = new Option<string?>("--byoc") { Description = "The byoc executable (or byoc.dll) whose 'connector' command is measured." };
        var command = new Command(name,
            "Measure the connector (its own process) against the emulated org: throughput, latency, CPU, memory, and zero loss under faults and SIGKILL.")
        {
            smoke, output, only, soak, soakMessages, soakKills, byoc,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var executable = parseResult.GetValue(byoc) ?? defaultByoc();
            var error = parseResult.InvocationConfiguration.Error;
            if (executable is null || !File.Exists(executable))
            {
                await error.WriteLineAsync($"{name}: the byoc executable was not found{(executable is null ? string.Empty : " at " + executable)}; " +
                    "build it (dotnet build src/Byoc.Cli -c Release) or pass --byoc <path>.");
                return 2;
            }

            if (SoakProblem(parseResult.GetValue(soak), parseResult.GetValue(soakMessages), parseResult.GetValue(soakKills)) is { } problem)
            {
                await error.WriteLineAsync($"{name}: {problem}");
                return 2;
            }

            var options = new BenchOptions(parseResult.GetValue(smoke), parseResult.GetValue(output), parseResult.GetValue(only) ?? [],
                parseResult.GetValue(soak) is { } minutes ? TimeSpan.FromMinutes(minutes) : null, parseResult.GetValue(soakMessages), parseResult.GetValue(soakKills));
            return await BenchRunner.RunAsync(options, Path.GetFullPath(executable), string.Join(' ', [name == "bench" ? "byoc" : name, .. parseResult.Tokens.Select(t => t.Value)]),
                parseResult.InvocationConfiguration.Output, cancellationToken);
        });
        return command;
    }

    private static string? SoakProblem(double? minutes, int messages, int kills) =>
        minutes is { } m && !(m > 0 && m <= 24 * 60) ? $"--soak must be a number of minutes above 0 and at most 1440 (got {m})."
        : messages < 1 ? $"--soak-messages must be at least 1 (got {messages})."
        : kills < 0 ? $"--soak-kills must be 0 or more (got {kills})."
        : null;
}

using System.CommandLine;
using Byoc.Bench;

namespace Byoc.Cli.Commands;

/// <summary>
/// <c>byoc bench</c>: the load, fault and crash harness (src/Byoc.Bench). It references the harness library rather than
/// running the Byoc.Bench app, so an installed <c>byoc</c> tool can benchmark itself with no repository: the measured
/// connector is this very executable, started again as <c>byoc connector</c> in its own process.
/// </summary>
internal static class BenchCommand
{
    public static Command Create() => BenchCommandFactory.Create("bench", ThisExecutable);

    /// <summary>This byoc: the apphost, or <c>byoc.dll</c> when it runs as <c>dotnet byoc.dll</c>.</summary>
    private static string? ThisExecutable() =>
        Environment.ProcessPath is { } path && !string.Equals(Path.GetFileNameWithoutExtension(path), "dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : Path.Combine(AppContext.BaseDirectory, typeof(BenchCommand).Assembly.GetName().Name + ".dll");
}

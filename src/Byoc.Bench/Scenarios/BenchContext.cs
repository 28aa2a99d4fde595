namespace Byoc.Bench.Scenarios;

/// <summary>Where a bench run keeps its files, and how it starts the connector.</summary>
/// <param name="ByocExecutable">The <c>byoc</c> executable (or <c>byoc.dll</c>) whose <c>connector</c> command is measured.</param>
/// <param name="OutputDirectory">Results, plot, connector logs and databases of this run.</param>
/// <param name="Output">Progress lines.</param>
internal sealed record BenchContext(string ByocExecutable, string OutputDirectory, TextWriter Output)
{
    /// <summary>The emulated org's keys and certificates, shared by every scenario of the run.</summary>
    public string EmulatorStateDirectory => Path.Combine(OutputDirectory, "emulator");
}

using System.Diagnostics;
using Byoc.Bench.Measurement;

namespace Byoc.Bench.Tests.Measurement;

public sealed class ProcessReaderTests
{
    [Fact]
    public void ParseProc_CommandWithSpacesAndParentheses_AddsUserAndSystemTicksAndReadsVmHwm()
    {
        const string Stat = "4242 (byoc (x) y) S 1 4242 4242 0 -1 4194560 1234 0 0 0 250 50 0 0 20 0 12 0 100 1000 200";
        const string Status = "Name:\tbyoc\nVmPeak:\t  900000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";

        var usage = ProcessReader.ParseProc(Stat, Status);

        Assert.Equal(TimeSpan.FromSeconds(3), usage.CpuTime);
        Assert.Equal(123456L * 1024, usage.PeakResidentBytes);
    }

    [Fact]
    public void Read_ThisProcess_ReportsCpuAndMemory()
    {
        var usage = ProcessReader.Read(Environment.ProcessId);

        Assert.NotNull(usage);
        Assert.True(usage.PeakResidentBytes > 1024 * 1024);
        Assert.True(usage.CpuTime > TimeSpan.Zero);
    }

    [Fact]
    public void Read_ExitedProcess_IsNull()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.WaitForExit();
        var pid = process.Id;

        Assert.Null(ProcessReader.Read(pid));
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Byoc.Bench.Measurement;

/// <summary>
/// Reads a process's CPU time and peak memory from the OS, outside the process: on Linux from <c>/proc/{pid}/stat</c>
/// (utime + stime, in USER_HZ = 100 ticks a second) and <c>/proc/{pid}/status</c> (<c>VmHWM</c>); elsewhere from
/// <see cref="Process"/>, which asks the OS the same.
/// </summary>
internal static class ProcessReader
{
    private const double TicksPerSecond = 100;

    /// <summary>The process's usage now, or null once it has exited.</summary>
    public static ProcessUsage? Read(int pid)
    {
        try
        {
            return OperatingSystem.IsLinux() ? ReadProc(pid) : ReadProcess(pid);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    internal static ProcessUsage ParseProc(string stat, string status)
    {
        // The command name in parentheses may contain spaces: the fields after it start at the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        long peakKilobytes = 0;
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peakKilobytes = long.Parse(line["VmHWM:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(),
                    CultureInfo.InvariantCulture);
            }
        }

        return new ProcessUsage(TimeSpan.FromSeconds(ticks / TicksPerSecond), peakKilobytes * 1024);
    }

    private static ProcessUsage ReadProc(int pid) =>
        ParseProc(File.ReadAllText($"/proc/{pid}/stat"), File.ReadAllText($"/proc/{pid}/status"));

    private static ProcessUsage? ReadProcess(int pid)
    {
        using var process = Process.GetProcessById(pid);
        return process.HasExited ? null : new ProcessUsage(process.TotalProcessorTime, process.PeakWorkingSet64);
    }
}

using System.Runtime.InteropServices;

namespace Byoc.Bench.Reporting;

/// <summary>The machine a run measured on, read from the OS.</summary>
internal sealed record MachineInfo(string Os, string Cpu, int LogicalCores, double? MemoryGigabytes, string Runtime, string? LoadAverageAtStart)
{
    public static MachineInfo Read() => new(
        RuntimeInformation.OSDescription,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        ProcLine("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Replace("kB", string.Empty, StringComparison.Ordinal).Trim(),
            System.Globalization.CultureInfo.InvariantCulture, out var kilobytes)
            ? Math.Round(kilobytes / 1048576.0, 1)
            : null,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null);

    private static string? ProcLine(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}

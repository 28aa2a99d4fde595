namespace Byoc.Bench;

/// <summary>Finds the <c>byoc</c> executable the standalone harness measures: the Release build in this repository's <c>artifacts/</c>.</summary>
internal static class ByocLocator
{
    private static readonly string[] s_configurations = ["release", "debug"];

    public static string? FromRepository()
    {
        var name = OperatingSystem.IsWindows() ? "byoc.exe" : "byoc";
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Byoc.slnx")))
            {
                return s_configurations.Select(configuration => Path.Combine(folder.FullName, "artifacts", "bin", "Byoc.Cli", configuration, name))
                    .FirstOrDefault(File.Exists);
            }
        }

        return null;
    }
}

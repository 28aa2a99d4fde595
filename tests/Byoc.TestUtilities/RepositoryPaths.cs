namespace Byoc.TestUtilities;

/// <summary>Locates the repository root and the tools folder in it, wherever the tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Tools => Path.Combine(Root, ".tools");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Byoc.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Byoc.slnx was not found above {AppContext.BaseDirectory}.");
    }
}

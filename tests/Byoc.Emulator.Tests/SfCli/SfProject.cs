namespace Byoc.Emulator.Tests.SfCli;

/// <summary>A throw-away SFDX project folder (<c>sfdx-project.json</c> plus <c>force-app/main/default/…</c> files).</summary>
internal sealed class SfProject : IDisposable
{
    private SfProject(string path) => Path = path;

    public string Path { get; }

    /// <summary>A project with the given files, relative to <c>force-app/main/default</c>.</summary>
    public static SfProject Create(params (string RelativePath, string Content)[] files)
    {
        var project = new SfProject(Directory.CreateTempSubdirectory("byoc-sf-project-").FullName);
        File.WriteAllText(System.IO.Path.Combine(project.Path, "sfdx-project.json"),
            """{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}""");
        foreach (var (relativePath, content) in files)
        {
            project.Write(relativePath, content);
        }

        return project;
    }

    /// <summary>A copy of a folder (for example the repository's <c>salesforce/</c> provider package).</summary>
    public static SfProject CopyOf(string source)
    {
        var project = new SfProject(Directory.CreateTempSubdirectory("byoc-sf-project-").FullName);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(project.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return project;
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, "force-app", "main", "default", relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

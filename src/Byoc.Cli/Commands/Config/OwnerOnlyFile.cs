using System.Text;

namespace Byoc.Cli.Commands.Config;

/// <summary>Files and folders that only their owner may read (mode 600 and 700 on Unix): keys and secrets the configuration names.</summary>
internal static class OwnerOnlyFile
{
    /// <summary>Creates <paramref name="path"/> as owner-only; an existing folder is narrowed to owner-only too.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes <paramref name="text"/> to a file that only its owner can read or write, replacing any earlier file.</summary>
    public static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(text);
        }

        // UnixCreateMode applies only to a new file; an older one keeps its mode unless narrowed here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>The file's text without its final line break, or null when it does not exist or is empty.</summary>
    public static string? ReadExisting(string path) =>
        File.Exists(path) && File.ReadAllText(path).TrimEnd('\r', '\n') is { Length: > 0 } text ? text : null;
}

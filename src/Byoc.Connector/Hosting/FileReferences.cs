namespace Byoc.Connector.Hosting;

/// <summary>
/// The <c>_FILE</c> convention: a setting <c>Connector:…:Key_FILE</c> (environment variable
/// <c>Connector__Section__Key_FILE</c>) names a file whose text is the value of <c>Connector:…:Key</c>. This is how
/// Kubernetes and Docker secrets mounted as files, or systemd credentials, reach any connector key without putting the
/// secret in the environment or on a command line. Only keys under <c>Connector:</c> take part: every environment variable
/// is configuration too, and unrelated ones end in <c>_FILE</c> (<c>TF_CLI_CONFIG_FILE</c>).
/// </summary>
internal static class FileReferences
{
    public const string Suffix = "_FILE";

    /// <summary>The section whose keys may be given by file.</summary>
    public const string Section = "Connector:";

    /// <summary>Reads every file named by a <c>_FILE</c> key; problems name the key, the file and where the key was set.</summary>
    /// <param name="configuration">The configuration as assembled from every other source.</param>
    /// <param name="baseDirectory">Where relative file paths start (the content root).</param>
    /// <param name="problems">Receives one message per reference that cannot be used.</param>
    public static IReadOnlyList<FileReference> Read(IConfigurationRoot configuration, string baseDirectory, List<string> problems)
    {
        var references = new List<FileReference>();
        foreach (var (referenceKey, path) in configuration.AsEnumerable())
        {
            if (!referenceKey.StartsWith(Section, StringComparison.OrdinalIgnoreCase) || !referenceKey.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase)
                || referenceKey.Length <= Section.Length + Suffix.Length || string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            var key = referenceKey[..^Suffix.Length];
            var referenceSource = ConfigurationSourceNames.Describe(configuration, referenceKey);
            if (configuration[key] is not null)
            {
                problems.Add($"{key} is set twice: by {ConfigurationSourceNames.Describe(configuration, key)} and, through {referenceKey}, " +
                    $"by the file '{path}' ({referenceSource}). Remove one of them.");
                continue;
            }

            try
            {
                var text = File.ReadAllText(Path.GetFullPath(path, baseDirectory));
                references.Add(new FileReference(key, path, text.TrimEnd('\r', '\n'), referenceSource));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                problems.Add($"{referenceKey} names the file '{path}' ({referenceSource}), which cannot be read: {ex.Message}");
            }
        }

        return references;
    }
}

namespace Byoc.Connector.Hosting;

/// <summary>Serves the values of <see cref="FileReferenceConfigurationSource"/>; knows which file each one came from.</summary>
internal sealed class FileReferenceConfigurationProvider : ConfigurationProvider
{
    private readonly Dictionary<string, FileReference> _byKey;

    public FileReferenceConfigurationProvider(IReadOnlyList<FileReference> references)
    {
        _byKey = references.ToDictionary(r => r.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var reference in references)
        {
            Data[reference.Key] = reference.Value;
        }
    }

    /// <summary>The file a key's value was read from, or null when this provider does not have the key.</summary>
    public FileReference? Find(string key) => _byKey.GetValueOrDefault(key);

    public override string ToString() => $"{nameof(FileReferenceConfigurationProvider)} ({_byKey.Count} files)";
}

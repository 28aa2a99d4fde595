namespace Byoc.Connector.Hosting;

/// <summary>The values read from the files that <c>Key_FILE</c> settings name, added last so they are what the connector sees.</summary>
internal sealed class FileReferenceConfigurationSource(IReadOnlyList<FileReference> references) : IConfigurationSource
{
    public IReadOnlyList<FileReference> References { get; } = references;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new FileReferenceConfigurationProvider(References);
}

using System.Reflection;
using System.Xml.Linq;

namespace Byoc.Setup.Package;

/// <summary>
/// The provider package of <c>salesforce/force-app/main/default</c>, embedded in this library and turned from SFDX source
/// format into Metadata API components the way the sf CLI does: each <c>X.suffix-meta.xml</c> becomes <c>folder/X.suffix</c>,
/// and an object's <c>fields/*.field-meta.xml</c> are folded into its <c>.object</c> file.
/// </summary>
public sealed class ProviderPackage
{
    private const string ResourcePrefix = "ProviderPackage/";

    private static readonly Dictionary<string, (string Type, string Suffix)> s_folders = new(StringComparer.Ordinal)
    {
        ["objects"] = ("CustomObject", "object"),
        ["conversationChannelDefinitions"] = ("ConversationChannelDefinition", "conversationChannelDefinition"),
        ["permissionsets"] = ("PermissionSet", "permissionset"),
        ["queues"] = ("Queue", "queue"),
        ["settings"] = ("Settings", "settings"),
    };

    private ProviderPackage(IReadOnlyList<MetadataComponent> components) => Components = components;

    internal IReadOnlyList<MetadataComponent> Components { get; }

    /// <summary>The channel definition's developer name: the connector's <c>AuthorizationContext</c>.</summary>
    public string ChannelDefinition => Single("ConversationChannelDefinition").FullName;

    /// <summary>The custom platform event the channel definition publishes outbound entries on.</summary>
    public string PlatformEvent => Text(Single("ConversationChannelDefinition"), "customPlatformEvent");

    /// <summary>The platform event's field that carries the entry's event type.</summary>
    public string EventTypeField => Text(Single("ConversationChannelDefinition"), "customEventTypeField");

    /// <summary>The platform event's field that carries the entry's JSON payload.</summary>
    public string PayloadField => Text(Single("ConversationChannelDefinition"), "customEventPayloadField");

    /// <summary>The permission set the integration user needs.</summary>
    public string PermissionSet => Single("PermissionSet").FullName;

    /// <summary>The Omni-Channel queue the package deploys as the channel's fallback.</summary>
    public string Queue => Single("Queue").FullName;

    internal MetadataComponent Find(string type, string fullName) =>
        Components.Single(c => c.Type == type && c.FullName == fullName);

    /// <summary>Loads the embedded package.</summary>
    public static ProviderPackage Load()
    {
        var assembly = typeof(ProviderPackage).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToDictionary(n => n[ResourcePrefix.Length..].Replace('\\', '/'), n => Load(assembly, n), StringComparer.Ordinal);
        var components = new List<MetadataComponent>();
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var parts = path.Split('/');
            if (!s_folders.TryGetValue(parts[0], out var kind) || parts[^1].EndsWith(".field-meta.xml", StringComparison.Ordinal))
            {
                continue;
            }

            var member = parts[^1][..^$".{kind.Suffix}-meta.xml".Length];
            if (kind.Type == "CustomObject")
            {
                var fieldPrefix = $"objects/{member}/fields/";
                foreach (var (fieldPath, field) in files.Where(f => f.Key.StartsWith(fieldPrefix, StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    var folded = new XElement(MetadataZip.Md + "fields", field.Elements());
                    if (folded.Element(MetadataZip.Md + "fullName") is null)
                    {
                        folded.AddFirst(new XElement(MetadataZip.Md + "fullName", fieldPath.Split('/')[^1][..^".field-meta.xml".Length]));
                    }

                    content.Add(folded);
                }
            }

            components.Add(new MetadataComponent(kind.Type, member, $"{parts[0]}/{member}.{kind.Suffix}", content));
        }

        return new ProviderPackage(components);
    }

    private static XElement Load(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return XDocument.Load(stream).Root!;
    }

    private static string Text(MetadataComponent component, string element) =>
        component.Content.Element(MetadataZip.Md + element)?.Value.Trim()
        ?? throw new InvalidOperationException($"{component.ZipPath} has no {element}.");

    private MetadataComponent Single(string type) => Components.Single(c => c.Type == type);
}

using System.Xml.Linq;

namespace Byoc.Emulator.Metadata;

/// <summary>Reads metadata XML by local name (the files use the <c>http://soap.sforce.com/2006/04/metadata</c> namespace).</summary>
internal static class MetadataXml
{
    public static string? Value(XElement element, string name) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    public static IEnumerable<XElement> All(XElement element, string name) =>
        element.Elements().Where(e => e.Name.LocalName == name);

    public static bool Flag(XElement element, string name) =>
        string.Equals(Value(element, name), "true", StringComparison.OrdinalIgnoreCase);

    public static string Required(XElement element, string name) =>
        Value(element, name) is { Length: > 0 } value ? value
            : throw new MetadataProblemException($"Required field is missing: {name}");
}

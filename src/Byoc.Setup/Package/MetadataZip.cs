using System.IO.Compression;
using System.Xml.Linq;
using Byoc.Setup.Org;

namespace Byoc.Setup.Package;

/// <summary>Builds a Metadata API deploy zip: the components in metadata format plus a <c>package.xml</c> naming them.</summary>
internal static class MetadataZip
{
    public static readonly XNamespace Md = "http://soap.sforce.com/2006/04/metadata";

    public static byte[] Build(IReadOnlyCollection<MetadataComponent> components)
    {
        var manifest = new XElement(Md + "Package",
            components.GroupBy(c => c.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new XElement(Md + "types",
                g.Select(c => new XElement(Md + "members", c.FullName)),
                new XElement(Md + "name", g.Key))),
            new XElement(Md + "version", OrgClient.ApiVersion));
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "package.xml", manifest);
            foreach (var component in components)
            {
                Add(archive, component.ZipPath, component.Content);
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive archive, string path, XElement content)
    {
        using var stream = archive.CreateEntry(path).Open();
        new XDocument(new XDeclaration("1.0", "UTF-8", null), content).Save(stream);
    }
}

using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// A deploy zip: <c>package.xml</c> (at the root, or in one top folder as with <c>singlePackage=false</c>) and the
/// component files, read into the components package.xml names.
/// </summary>
internal static class MetadataPackage
{
    private const long MaxEntryBytes = 16 * 1024 * 1024;

    private static readonly XmlReaderSettings s_settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    /// <summary>The components, or a problem with the zip or its package.xml.</summary>
    public static (IReadOnlyList<MetadataComponent> Components, string? Problem) Read(byte[] zip)
    {
        Dictionary<string, byte[]> files;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
            files = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
            {
                if (entry.Length > MaxEntryBytes)
                {
                    return ([], $"The file {entry.FullName} is too large.");
                }

                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                files[entry.FullName.Replace('\\', '/')] = buffer.ToArray();
            }
        }
        catch (InvalidDataException)
        {
            return ([], "The deploy zip is not a valid zip file.");
        }

        var manifestPath = files.Keys.Where(k => k.Split('/')[^1].Equals("package.xml", StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => k.Count(c => c == '/')).FirstOrDefault();
        if (manifestPath is null)
        {
            return ([], "No package.xml found");
        }

        var root = manifestPath[..^"package.xml".Length];
        var manifest = Parse(files[manifestPath]);
        if (manifest is null || manifest.Name.LocalName != "Package")
        {
            return ([], "Error parsing file: package.xml is not a Package manifest");
        }

        var components = new List<MetadataComponent>();
        foreach (var types in MetadataXml.All(manifest, "types"))
        {
            var typeName = MetadataXml.Value(types, "name") ?? "";
            var type = MetadataTypes.Find(typeName);
            foreach (var member in MetadataXml.All(types, "members").Select(m => m.Value.Trim()))
            {
                foreach (var fullName in Expand(files, root, type, member))
                {
                    var expected = type?.FileName(fullName) ?? FindByMember(files, root, fullName) ?? fullName;

                    // Echo the zip's own spelling: the CLI maps fileName back to the local source file.
                    var fileName = files.Keys.FirstOrDefault(k => k.Equals(root + expected, StringComparison.OrdinalIgnoreCase))?[root.Length..] ?? expected;
                    var found = files.TryGetValue(root + fileName, out var bytes);
                    components.Add(new MetadataComponent(typeName, fullName, fileName, found ? Parse(bytes!) : null, found));
                }
            }
        }

        return (components, null);
    }

    private static IEnumerable<string> Expand(Dictionary<string, byte[]> files, string root, MetadataTypes.MetadataType? type, string member)
    {
        if (member != "*" || type is null)
        {
            return [member];
        }

        var prefix = $"{root}{type.Folder}/";
        return files.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && k.EndsWith("." + type.Suffix, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[prefix.Length..^(type.Suffix.Length + 1)])
            .Where(name => !name.Contains('/', StringComparison.Ordinal));
    }

    private static string? FindByMember(Dictionary<string, byte[]> files, string root, string member) =>
        files.Keys.Where(k => k.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            .Select(k => k[root.Length..])
            .FirstOrDefault(k => Path.GetFileNameWithoutExtension(k.Split('/')[^1]).Equals(member, StringComparison.OrdinalIgnoreCase));

    private static XElement? Parse(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), s_settings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}

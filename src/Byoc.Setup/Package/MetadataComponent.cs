using System.Xml.Linq;

namespace Byoc.Setup.Package;

/// <summary>One component of a Metadata API deploy: its type, full name, zip path and XML content.</summary>
internal sealed record MetadataComponent(string Type, string FullName, string ZipPath, XElement Content);

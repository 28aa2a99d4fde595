using System.Xml.Linq;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// One member named in package.xml with its file in the zip: <see cref="FileFound"/> is false when the zip lacks the
/// file, <see cref="Content"/> is null when the file is missing or is not well-formed XML.
/// </summary>
internal sealed record MetadataComponent(string Type, string FullName, string FileName, XElement? Content, bool FileFound = true);

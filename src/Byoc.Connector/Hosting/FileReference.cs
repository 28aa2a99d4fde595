namespace Byoc.Connector.Hosting;

/// <summary>One value read from a file because the configuration named the file with <c>Key_FILE</c>.</summary>
/// <param name="Key">The key the value is for, without the suffix.</param>
/// <param name="Path">The file, as the configuration gave it.</param>
/// <param name="Value">The file's text without its trailing line breaks.</param>
/// <param name="ReferenceSource">Where the <c>Key_FILE</c> setting itself came from.</param>
internal sealed record FileReference(string Key, string Path, string Value, string ReferenceSource);

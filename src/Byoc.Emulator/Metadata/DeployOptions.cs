using System.Xml.Linq;

namespace Byoc.Emulator.Metadata;

/// <summary>The <c>DeployOptions</c> of a deploy call that the emulated org honours.</summary>
internal sealed record DeployOptions(bool CheckOnly, bool RollbackOnError, bool IgnoreWarnings, bool SinglePackage)
{
    public static DeployOptions Parse(XElement? options)
    {
        bool Flag(string name, bool defaultValue) =>
            options?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { } text
                ? string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)
                : defaultValue;

        return new DeployOptions(Flag("checkOnly", false), Flag("rollbackOnError", true), Flag("ignoreWarnings", false), Flag("singlePackage", false));
    }
}

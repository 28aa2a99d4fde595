using Byoc.Emulator.Org.Settings;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>Settings</c> components (<c>settings/OmniChannel.settings</c> with an <c>OmniChannelSettings</c> root): every
/// child element is stored as an org setting (<see cref="OrgSettings"/>); nested elements are not supported.
/// </summary>
internal static class SettingsMetadata
{
    public static ComponentOutcome Apply(DeployContext context, MetadataComponent component)
    {
        var root = component.Content!;
        if (!string.Equals(root.Name.LocalName, component.FullName + "Settings", StringComparison.Ordinal))
        {
            throw new MetadataProblemException(
                $"Error parsing file: Element {{{root.Name.NamespaceName}}}{root.Name.LocalName} invalid at this location in type Settings");
        }

        var values = root.Elements().ToList();
        var nested = values.FirstOrDefault(e => e.HasElements);
        if (nested is not null)
        {
            throw new MetadataProblemException(
                $"The emulated org stores flat settings only; '{nested.Name.LocalName}' has child elements.");
        }

        var created = OrgSettings.All(context.Writer, component.FullName) is { Count: 0 };
        foreach (var value in values)
        {
            OrgSettings.Set(context.Writer, component.FullName, value.Name.LocalName, value.Value.Trim());
        }

        return new ComponentOutcome(created, null);
    }
}

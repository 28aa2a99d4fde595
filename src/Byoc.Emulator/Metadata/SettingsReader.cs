using System.Xml.Linq;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Settings;
using Byoc.Emulator.Soap;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// <c>readMetadata</c> for settings types (<c>OmniChannelSettings</c> with full name <c>OmniChannel</c>): each record
/// carries the fields the org holds in <see cref="OrgSettings"/>, the same values a deploy of the settings wrote.
/// </summary>
internal static class SettingsReader
{
    private const string Suffix = "Settings";

    /// <summary>
    /// Fields a real org reports even before anything was deployed: a fresh org has Omni-Channel switched off.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, string>> s_defaults = new(StringComparer.Ordinal)
    {
        ["OmniChannel"] = new(StringComparer.Ordinal) { ["enableOmniChannel"] = "false" },
    };

    /// <summary>True for the types this reader answers (<c>XSettings</c>).</summary>
    public static bool Reads(string type) => type.Length > Suffix.Length && type.EndsWith(Suffix, StringComparison.Ordinal);

    /// <summary>
    /// One <c>records</c> element per requested full name. UNCONFIRMED: a full name that does not match the type
    /// (<c>OmniChannelSettings</c> asked for <c>Foo</c>) answers an empty record, as real orgs answer unknown full names
    /// with an empty object rather than a fault (org-emulation.md §4.7 names only deploy; certinia/apex-mdapi#142).
    /// </summary>
    public static IEnumerable<XElement> Records(XNamespace md, OrgStore store, string type, IEnumerable<string> fullNames)
    {
        var settings = type[..^Suffix.Length];
        var xsi = SoapNamespaces.Instance;
        foreach (var fullName in fullNames)
        {
            if (!string.Equals(fullName, settings, StringComparison.Ordinal))
            {
                yield return new XElement(md + "records", new XAttribute(xsi + "nil", "true"));
                continue;
            }

            var fields = new SortedDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var (field, value) in s_defaults.GetValueOrDefault(settings) ?? [])
            {
                fields[field] = value;
            }

            foreach (var (field, value) in OrgSettings.All(store, settings))
            {
                fields[field] = value;
            }

            yield return new XElement(md + "records", new XAttribute(xsi + "type", type),
                new XElement(md + "fullName", fullName),
                fields.Select(f => SoapResponses.Nillable(md + f.Key, f.Value)));
        }
    }
}

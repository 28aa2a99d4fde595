using System.Globalization;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Org.Settings;

/// <summary>
/// Org-wide settings deployed through the Metadata API (<c>Settings</c> components such as <c>OmniChannel</c> →
/// <c>enableOmniChannel</c>). Kept as <c>OrgSetting</c> records in the <see cref="OrgStore"/>, so they persist with the
/// org; that type is emulator-internal (<see cref="Schema.ApiSurface.None"/>): no query API exposes it, the Metadata
/// API's <c>readMetadata</c> reads the settings back (<see cref="Metadata.SettingsReader"/>).
/// </summary>
internal static class OrgSettings
{
    public const string ObjectName = "OrgSetting";

    /// <summary>The stored text of a setting field, for example <c>Get(store, "OmniChannel", "enableOmniChannel")</c>.</summary>
    public static string? Get(OrgStore store, string settings, string field) =>
        store.Lookup(ObjectName, "Key", Key(settings, field)) is [var record, ..] ? record.GetString("Value") : null;

    /// <summary>True when the setting's value is <c>true</c>.</summary>
    public static bool IsEnabled(OrgStore store, string settings, string field) =>
        string.Equals(Get(store, settings, field), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every stored field of one settings component, by field name.</summary>
    public static IReadOnlyDictionary<string, string?> All(OrgStore store, string settings) =>
        store.Lookup(ObjectName, "Settings", settings).ToDictionary(r => r.GetString("Field")!, r => r.GetString("Value"), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every stored field of one settings component, as seen inside a write.</summary>
    public static IReadOnlyDictionary<string, string?> All(OrgWriter writer, string settings) =>
        writer.Lookup(ObjectName, "Settings", settings).ToDictionary(r => r.GetString("Field")!, r => r.GetString("Value"), StringComparer.OrdinalIgnoreCase);

    /// <summary>Stores a value inside a write; returns true when it differs from what was stored.</summary>
    public static bool Set(OrgWriter writer, string settings, string field, string? value)
    {
        var key = Key(settings, field);
        if (writer.Lookup(ObjectName, "Key", key) is [var existing, ..])
        {
            if (string.Equals(existing.GetString("Value"), value, StringComparison.Ordinal))
            {
                return false;
            }

            writer.Update(existing.Id, new Dictionary<string, object?> { ["Value"] = value });
            return true;
        }

        writer.Insert(ObjectName, new Dictionary<string, object?> { ["Key"] = key, ["Settings"] = settings, ["Field"] = field, ["Value"] = value });
        return true;
    }

    private static string Key(string settings, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{settings}.{field}").ToUpperInvariant();
}

namespace Byoc.Emulator.Org.Schema;

internal static partial class StandardObjects
{
    /// <summary>Emulator-internal key prefix of <c>OrgSetting</c> (no Salesforce object uses it).</summary>
    public const string OrgSettingKeyPrefix = "0zS";

    /// <summary>
    /// Emulator-internal types, exposed by no API (<see cref="ApiSurface.None"/>): the org settings deployed as
    /// <c>Settings</c> metadata (see <see cref="Settings.OrgSettings"/>).
    /// </summary>
    private static IEnumerable<SObjectDefinition> Internal() =>
    [
        Define("OrgSetting", OrgSettingKeyPrefix)
            .Surface(ApiSurface.None)
            .String("Key", 255).String("Settings", 80).String("Field", 120).TextArea("Value", 32768)
            .Build(),
    ];
}

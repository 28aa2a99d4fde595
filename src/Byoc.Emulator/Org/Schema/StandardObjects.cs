namespace Byoc.Emulator.Org.Schema;

/// <summary>
/// The standard sObject types of the emulated org, grouped by concern in partial files. Field lists follow
/// org-emulation.md §5 and interaction-service-api.md §7; a type or field missing here answers INVALID_TYPE or
/// INVALID_FIELD exactly as a real org does for a name that does not exist.
/// </summary>
internal static partial class StandardObjects
{
    public static IEnumerable<SObjectDefinition> All() =>
        [.. Platform(), .. Crm(), .. Messaging(), .. Routing(), .. Setup(), .. Tooling(), .. Packaging(), .. Internal()];

    private static SObjectBuilder Define(string name, string keyPrefix) => new(name, keyPrefix);
}

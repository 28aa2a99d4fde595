using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Org;

/// <summary>The emulated org's id (the Organization record), in both lengths.</summary>
internal sealed record OrgIdentity(string OrgId18)
{
    public string OrgId15 => SalesforceId.To15(OrgId18);

    /// <summary>
    /// True when the value is this org's id: 15 case-sensitive characters, or 18 whose case-insensitive checksum matches
    /// (18-character acceptance on the Interaction Service API is UNCONFIRMED, §4.1).
    /// </summary>
    public bool Matches(string? value) =>
        SalesforceId.TryNormalize(value, out var id18) && string.Equals(id18, OrgId18, StringComparison.Ordinal);

    public static OrgIdentity From(OrgStore store) =>
        new(store.Records("Organization") is [var organization, ..]
            ? organization.Id
            : throw new InvalidOperationException("The emulated org has no Organization record; it was not seeded."));
}

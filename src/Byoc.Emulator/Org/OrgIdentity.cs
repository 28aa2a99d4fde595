using Byoc.Emulator.Org.Ids;
using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Org;

/// <summary>The emulated org's id (the Organization record), in both lengths.</summary>
internal sealed record OrgIdentity(string OrgId18)
{
    public string OrgId15 => SalesforceId.To15(OrgId18);

    /// <summary>True when the value is this org's id, 15 or 18 characters (18-character acceptance is UNCONFIRMED, §4.1).</summary>
    public bool Matches(string? value) =>
        value is { Length: 15 or 18 } && SalesforceId.AreEqual(value, OrgId18);

    public static OrgIdentity From(OrgStore store) =>
        new(store.Records("Organization") is [var organization, ..]
            ? organization.Id
            : throw new InvalidOperationException("The emulated org has no Organization record; it was not seeded."));
}

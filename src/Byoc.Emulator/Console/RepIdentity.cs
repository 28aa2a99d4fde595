using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Console;

/// <summary>
/// The emulated rep sign-in: the console sets a cookie with the rep's User id; programmatic callers (tests, byoc verify,
/// benchmarks) may instead send the header <c>X-Byoc-Rep</c> with the rep's username or User id. Any active standard
/// user who is not an agent's bot user can sign in.
/// </summary>
internal static class RepIdentity
{
    public const string CookieName = "byoc_rep";
    public const string HeaderName = "X-Byoc-Rep";

    public static SObjectRecord? Current(HttpContext context, OrgStore store)
    {
        var claimed = context.Request.Headers[HeaderName].FirstOrDefault() ?? context.Request.Cookies[CookieName];
        return claimed is null ? null : Find(store, claimed);
    }

    public static SObjectRecord? Find(OrgStore store, string usernameOrId)
    {
        var user = store.Get(usernameOrId) is { ObjectName: "User" } byId
            ? byId
            : store.Lookup("User", "Username", usernameOrId) is [var byName, ..] ? byName : null;
        return user is not null && IsRep(store, user) ? user : null;
    }

    public static IEnumerable<SObjectRecord> All(OrgStore store) => store.Records("User").Where(u => IsRep(store, u));

    private static bool IsRep(OrgStore store, SObjectRecord user) =>
        user.GetBoolean("IsActive") && user.GetString("UserType") is null or "Standard" &&
        store.Lookup("BotDefinition", "BotUserId", user.Id).Count == 0;
}

using Byoc.Emulator.Org.Records;

namespace Byoc.Emulator.Rest;

/// <summary>The org's instance URL as the caller reached it, and the identity URL Salesforce builds from it.</summary>
internal static class InstanceUrls
{
    public static string Instance(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    /// <summary><c>{instance}/id/{orgId}/{userId}</c>: the token response's <c>id</c>, from which the CLI reads the org id.</summary>
    public static string Identity(HttpContext context, string orgId, string userId) => $"{Instance(context)}/id/{orgId}/{userId}";

    public static string OrgId(OrgStore store) => store.Records("Organization") is [var org, ..] ? org.Id : "";
}

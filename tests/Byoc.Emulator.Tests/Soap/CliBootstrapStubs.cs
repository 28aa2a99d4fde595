using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Packages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Byoc.Emulator.Tests.Soap;

/// <summary>
/// Test-only stand-ins for the REST calls every sf command makes before its own (org-emulation.md §2.2, §4.2): the
/// version list, the resource map and the Organization query. The real ones belong to the REST/SOQL surface.
/// </summary>
internal static class CliBootstrapStubs
{

    public static void Map(WebApplication app)
    {
        // After `sf org login access-token` the CLI sends //services/... (org-emulation.md §0 item 7).
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            while (path.Contains("//", StringComparison.Ordinal))
            {
                path = path.Replace("//", "/", StringComparison.Ordinal);
            }

            context.Request.Path = path;
            return next(context);
        });
        app.UseRouting();
        app.MapGet("/services/oauth2/userinfo", (OrgStore store) => TypedResults.Json(new Dictionary<string, string>
        {
            ["user_id"] = store.DefaultActorId!,
            ["organization_id"] = store.Records("Organization").Single().Id,
            ["preferred_username"] = SeededOrg.AdminUsername,
        }));
        app.MapGet("/services/data/{version}/sobjects/User/{id}", (string id) => TypedResults.Json(new Dictionary<string, object>
        {
            ["attributes"] = new { type = "User" },
            ["Id"] = id,
            ["Username"] = SeededOrg.AdminUsername,
        }));
        app.MapGet("/services/data", () => TypedResults.Json(ApiVersions.All));
        app.MapGet("/services/data/{version}", (string version) => TypedResults.Json(new Dictionary<string, string>
        {
            ["sobjects"] = $"/services/data/{version}/sobjects",
            ["query"] = $"/services/data/{version}/query",
            ["tooling"] = $"/services/data/{version}/tooling",
        }));
        app.MapGet("/services/data/{version}/tooling/query", (string version, string q, OrgStore store) =>
        {
            var match = System.Text.RegularExpressions.Regex.Match(q, @"FROM SubscriberPackageVersion WHERE Id\s*=\s*'(?<id>\w+)'");
            var record = match.Success ? store.Get(match.Groups["id"].Value) : null;
            var records = record is null ? "" : RecordJson.Write(record, version, tooling: true);
            return Results.Text($"{{\"size\":{(record is null ? 0 : 1)},\"totalSize\":{(record is null ? 0 : 1)},\"done\":true,\"entityTypeName\":\"SubscriberPackageVersion\",\"records\":[{records}]}}", "application/json");
        });
        app.MapGet("/services/data/{version}/query", (string version, string q) =>
            q.Contains("FROM Organization", StringComparison.OrdinalIgnoreCase)
                ? Results.Json(new
                {
                    totalSize = 1,
                    done = true,
                    records = new[]
                    {
                        new Dictionary<string, object?>
                        {
                            ["attributes"] = new { type = "Organization", url = $"/services/data/{version}/sobjects/Organization/00D" },
                            ["Name"] = "BYOC Emulated Org",
                            ["InstanceName"] = "EMU1",
                            ["IsSandbox"] = false,
                            ["TrialExpirationDate"] = null,
                            ["NamespacePrefix"] = null,
                            ["OrganizationType"] = "Developer Edition",
                        },
                    },
                })
                : Results.Json(new[] { new { message = "not stubbed", errorCode = "INVALID_TYPE" } }, statusCode: 400));
    }
}

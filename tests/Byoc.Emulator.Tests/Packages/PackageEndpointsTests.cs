using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Org.Schema;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Packages;
using Byoc.Emulator.Tests.Soap;

namespace Byoc.Emulator.Tests.Packages;

public sealed class PackageEndpointsTests
{
    private const string RequestPath = "/services/data/v66.0/tooling/sobjects/PackageInstallRequest";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Install_ProviderPackage_InProgressThenSuccessWithMetadataApplied()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);
        Assert.Empty(host.Store.Records("InstalledSubscriberPackage"));

        var id = await CreateAsync(host, ProviderPackage.VersionId15);

        Assert.StartsWith("0Hf", id, StringComparison.Ordinal);
        var first = await GetAsync(host, $"{RequestPath}/{id}");
        Assert.Equal("IN_PROGRESS", first.GetProperty("Status").GetString());
        Assert.Equal(ProviderPackage.VersionId15, first.GetProperty("SubscriberPackageVersionKey").GetString());
        Assert.Equal("PackageInstallRequest", first.GetProperty("attributes").GetProperty("type").GetString());
        var final = await GetAsync(host, $"{RequestPath}/{id}");
        Assert.Equal("SUCCESS", final.GetProperty("Status").GetString());
        Assert.Equal(JsonValueKind.Null, final.GetProperty("Errors").ValueKind);

        var installed = Assert.Single(host.Store.Records("InstalledSubscriberPackage"));
        Assert.Equal(ProviderPackage.VersionId, installed.GetString("SubscriberPackageVersionId"));
        Assert.Equal(ProviderPackage.SubscriberPackageId, installed.GetString("SubscriberPackageId"));
        Assert.NotNull(host.Store.Schema.FindObject(SeededOrg.PlatformEventName)?.FindField(SeededOrg.PayloadField));
        var definition = Assert.Single(host.Store.Lookup("ConversationChannelDefinition", "DeveloperName", SeededOrg.ChannelDefinitionDeveloperName));
        Assert.Equal(SeededOrg.PlatformEventName, definition.GetString("CustomPlatformEvent"));
        Assert.Single(host.Store.Lookup("Group", "DeveloperName", SeededOrg.QueueDeveloperName));
        var permissionSet = Assert.Single(host.Store.Lookup("PermissionSet", "Name", SeededOrg.ScrtPermissionSetName));
        var permission = Assert.Single(host.Store.Lookup("ObjectPermissions", "ParentId", permissionSet.Id));
        Assert.True(permission.GetBoolean("PermissionsRead") && permission.GetBoolean("PermissionsCreate"));
    }

    [Fact]
    public async Task Install_UnknownVersion_EndsInErrorWithMessage()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);

        var id = await CreateAsync(host, "04t000000000000AAA");
        await GetAsync(host, $"{RequestPath}/{id}");
        var final = await GetAsync(host, $"{RequestPath}/{id}");

        Assert.Equal("ERROR", final.GetProperty("Status").GetString());
        var message = final.GetProperty("Errors").GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.Equal(PackageInstaller.UnknownVersionMessage("04t000000000000AAA"), message);
        Assert.Empty(host.Store.Records("InstalledSubscriberPackage"));
    }

    [Fact]
    public async Task GetVersion_SeededProviderPackage_ReturnsVersionRecord()
    {
        await using var host = await SoapTestHost.StartAsync(SeedProfile.PrerequisitesOnly);

        var version = await GetAsync(host, $"/services/data/v66.0/tooling/sobjects/SubscriberPackageVersion/{ProviderPackage.VersionId15}");

        Assert.Equal(("BYOC Connector", 1, 0, 0, 1),
            (version.GetProperty("Name").GetString(), version.GetProperty("MajorVersion").GetInt32(), version.GetProperty("MinorVersion").GetInt32(),
             version.GetProperty("PatchVersion").GetInt32(), version.GetProperty("BuildNumber").GetInt32()));
        Assert.Equal(ProviderPackage.SubscriberPackageId, version.GetProperty("SubscriberPackageId").GetString());
    }

    [Fact]
    public async Task Create_WithoutToken_Is401ArrayError()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await host.Client.PostAsJsonAsync(RequestPath, new { SubscriberPackageVersionKey = ProviderPackage.VersionId15 }, TestContext.Current.CancellationToken)
            .WaitAsync(s_timeout, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))[0];
        Assert.Equal("INVALID_SESSION_ID", error.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Create_WithoutVersionKey_Is400RequiredFieldMissing()
    {
        await using var host = await SoapTestHost.StartAsync();

        using var response = await SendAsync(host, HttpMethod.Post, RequestPath, new { ApexCompileType = "all" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken))[0];
        Assert.Equal("REQUIRED_FIELD_MISSING", error.GetProperty("errorCode").GetString());
    }

    [Fact]
    public void Seed_Complete_HasProviderPackageInstalled()
    {
        using var store = new OrgStore(new OrgSchema(), new OrgStoreOptions(), TimeProvider.System);

        OrgSeeder.SeedIfEmpty(store, SeedProfile.Complete);

        Assert.Equal(ProviderPackage.VersionId, Assert.Single(store.Records("InstalledSubscriberPackage")).GetString("SubscriberPackageVersionId"));
        Assert.Equal("BYOC Connector", store.Get(ProviderPackage.SubscriberPackageId15)!.GetString("Name"));
    }

    /// <summary>The body the sf CLI posts (org-emulation.md §3, <c>sf package install</c>).</summary>
    private static async Task<string> CreateAsync(SoapTestHost host, string versionKey)
    {
        using var response = await SendAsync(host, HttpMethod.Post, RequestPath, new
        {
            ApexCompileType = "all",
            EnableRss = false,
            NameConflictResolution = "Block",
            PackageInstallSource = "U",
            SecurityType = "none",
            UpgradeType = "mixed-mode",
            SubscriberPackageVersionKey = versionKey,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(result.GetProperty("success").GetBoolean());
        Assert.Equal(0, result.GetProperty("errors").GetArrayLength());
        return result.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> GetAsync(SoapTestHost host, string path)
    {
        using var response = await SendAsync(host, HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAsync(SoapTestHost host, HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Tokens.Token);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken).WaitAsync(s_timeout, TestContext.Current.CancellationToken);
    }
}

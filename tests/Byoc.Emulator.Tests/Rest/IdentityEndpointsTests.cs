using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Byoc.Emulator.Org.Seed;
using Byoc.Emulator.Rest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Byoc.Emulator.Tests.Rest;

public sealed class IdentityEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Rewrite_RepeatedSlashes_Collapsed()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "//services//data///v66.0/query";

        CollapsedSlashes.Rewrite(context);

        Assert.Equal("/services/data/v66.0/query", context.Request.Path.Value);
    }

    [Fact]
    public async Task Request_DoubleSlashOnTheWire_RoutedAsSingleSlash()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var rawTarget = await client.GetStringAsync(host.Url("//raw-target"), Ct);

        Assert.Equal("//raw-target", rawTarget);
    }

    [Fact]
    public async Task UserInfo_ValidToken_ReturnsIdentity()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var info = await client.GetFromJsonAsync<JsonElement>("/services/oauth2/userinfo", Ct);

        var orgId = host.Store.Records("Organization")[0].Id;
        Assert.Equal(host.Store.DefaultActorId, info.GetProperty("user_id").GetString());
        Assert.Equal(orgId, info.GetProperty("organization_id").GetString());
        Assert.Equal(SeededOrg.AdminUsername, info.GetProperty("preferred_username").GetString());
        Assert.Equal("Admin User", info.GetProperty("name").GetString());
        Assert.Equal($"{host.BaseAddress.GetLeftPart(UriPartial.Authority)}/id/{orgId}/{host.Store.DefaultActorId}", info.GetProperty("sub").GetString());
        Assert.EndsWith("/services/data/v{version}/", info.GetProperty("urls").GetProperty("rest").GetString());
    }

    [Fact]
    public async Task IdentityUrl_ValidToken_ReturnsIdentityServiceFormat()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();
        var orgId = host.Store.Records("Organization")[0].Id;

        var identity = await client.GetFromJsonAsync<JsonElement>($"/id/{orgId}/{host.Store.DefaultActorId}", Ct);
        using var unknown = await client.GetAsync($"/id/{orgId}/{orgId}", Ct);

        Assert.Equal(SeededOrg.AdminUsername, identity.GetProperty("username").GetString());
        Assert.True(identity.GetProperty("asserted_user").GetBoolean());
        Assert.EndsWith($"/id/{orgId}/{host.Store.DefaultActorId}", identity.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task UserInfo_UnknownToken_Forbidden()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient("00D000000000001!nope");

        using var response = await client.GetAsync("/services/oauth2/userinfo", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ServicesData_VersionsAndResourceMap()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var versions = await client.GetFromJsonAsync<JsonElement>(host.Url("//services/data"), Ct);
        var resources = await client.GetFromJsonAsync<JsonElement>(host.Url("//services/data/v66.0"), Ct);

        Assert.Equal("66.0", versions.EnumerateArray().Last().GetProperty("version").GetString());
        Assert.Equal("/services/data/v66.0/sobjects", resources.GetProperty("sobjects").GetString());
        Assert.Equal("/services/data/v66.0/tooling", resources.GetProperty("tooling").GetString());
        Assert.Contains("/id/", resources.GetProperty("identity").GetString());
    }

    [Fact]
    public async Task LoginUserLookup_V51SObjectUser_ReturnsUsername()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var user = await client.GetFromJsonAsync<JsonElement>($"/services/data/v51.0/sobjects/User/{host.Store.DefaultActorId}", Ct);

        Assert.Equal("User", user.GetProperty("attributes").GetProperty("type").GetString());
        Assert.Equal(SeededOrg.AdminUsername, user.GetProperty("Username").GetString());
        Assert.Equal(host.Store.DefaultActorId, user.GetProperty("Id").GetString());
    }

    [Fact]
    public async Task OrganizationQuery_ProductionOrg()
    {
        await using var host = await RestTestHost.StartAsync();
        using var client = host.CreateClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/services/data/v66.0/query?q=" + Uri.EscapeDataString(
            "SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization"), Ct);

        var org = body.GetProperty("records")[0];
        Assert.False(org.GetProperty("IsSandbox").GetBoolean());
        Assert.Equal(JsonValueKind.Null, org.GetProperty("TrialExpirationDate").ValueKind);
        Assert.Equal("Developer Edition", org.GetProperty("OrganizationType").GetString());
    }

    [Fact]
    public async Task WebLogin_AuthorizeCodeExchangeAndRefresh_IssuesWorkingTokens()
    {
        await using var host = await RestTestHost.StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
        const string Redirect = "http://localhost:1717/OauthRedirect";

        using var authorize = await browser.GetAsync("/services/oauth2/authorize?response_type=code&client_id=PlatformCLI&redirect_uri=" +
            Uri.EscapeDataString(Redirect) + "&state=abc123&prompt=login&scope=refresh_token%20api%20web&code_challenge=" + challenge, Ct);

        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var location = authorize.Headers.Location!;
        Assert.StartsWith(Redirect + "?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("abc123", query["state"].ToString());

        using var tokenResponse = await browser.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["client_id"] = "PlatformCLI",
            ["redirect_uri"] = Redirect,
            ["code_verifier"] = Verifier,
        }), Ct);
        var token = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(["access_token", "refresh_token", "signature", "scope", "instance_url", "id", "token_type", "issued_at"],
            token.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.EndsWith($"/id/{host.Store.Records("Organization")[0].Id}/{host.Store.DefaultActorId}", token.GetProperty("id").GetString());

        using var reuse = await browser.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"].ToString(),
            ["client_id"] = "PlatformCLI",
        }), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
        Assert.Equal("invalid_grant", (await reuse.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());

        using var refresh = await browser.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = token.GetProperty("refresh_token").GetString()!,
            ["client_id"] = "PlatformCLI",
        }), Ct);
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(refreshed.TryGetProperty("refresh_token", out _));
        using var client = host.CreateClient(refreshed.GetProperty("access_token").GetString());
        using var ping = await client.GetAsync("/services/data/v66.0", Ct);
        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
    }

    [Fact]
    public async Task WebLogin_WrongPkceVerifier_InvalidGrant()
    {
        await using var host = await RestTestHost.StartAsync();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };

        using var authorize = await browser.GetAsync("/services/oauth2/authorize?response_type=code&client_id=PlatformCLI&redirect_uri=" +
            Uri.EscapeDataString("http://localhost:1717/OauthRedirect") + "&state=s&code_challenge=abc", Ct);
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        using var response = await browser.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = "wrong",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Byoc.TestUtilities.Salesforce;

namespace Byoc.Emulator.Tests.Auth;

public sealed class JwtBearerGrantTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Token_ValidAssertion_ReturnsSalesforceSuccessBody()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var body = await PostAsync(emulator, emulator.MintAssertion(), HttpStatusCode.OK);

        var token = body.GetProperty("access_token").GetString()!;
        Assert.Matches(@"^00D\w{12}!\w+$", token);
        Assert.StartsWith(emulator.Org.OrgId15 + "!", token, StringComparison.Ordinal);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(emulator.Addresses.InstanceUrl.ToString().TrimEnd('/'), body.GetProperty("instance_url").GetString());
        Assert.Contains("interaction_api", body.GetProperty("scope").GetString(), StringComparison.Ordinal);
        Assert.Contains($"/id/{emulator.Org.OrgId18}/005", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(emulator.Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            body.GetProperty("issued_at").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("signature").GetString()));
    }

    [Fact]
    public async Task Token_InstanceUrlAudience_IsAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync();

        await PostAsync(emulator, emulator.MintAssertion(audience: emulator.Addresses.InstanceUrl.ToString()), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Token_WrongKey_InvalidGrant()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var otherKey = RSA.Create(2048);
        var assertion = JwtAssertion.Create(otherKey, emulator.ConnectedApp.ConsumerKey, "integration@byoc.emulated",
            "https://login.salesforce.com", emulator.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds());

        var body = await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
    }

    [Theory]
    [InlineData("nobody@byoc.emulated", "https://login.salesforce.com", 180)]
    [InlineData("integration@byoc.emulated", "https://example.com", 180)]
    [InlineData("integration@byoc.emulated", "https://login.salesforce.com", -10)]
    [InlineData("integration@byoc.emulated", "https://login.salesforce.com", 3600)]
    public async Task Token_BadClaims_InvalidGrant(string username, string audience, int expiresInSeconds)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(emulator.ConnectedApp.PrivateKeyPath, Ct));
        var assertion = JwtAssertion.Create(key, emulator.ConnectedApp.ConsumerKey, username, audience,
            emulator.Time.GetUtcNow().AddSeconds(expiresInSeconds).ToUnixTimeSeconds());

        var body = await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_MillisecondExp_InvalidGrant()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(emulator.ConnectedApp.PrivateKeyPath, Ct));
        var assertion = JwtAssertion.Create(key, emulator.ConnectedApp.ConsumerKey, "integration@byoc.emulated",
            "https://login.salesforce.com", emulator.Time.GetUtcNow().AddMinutes(3).ToUnixTimeMilliseconds());

        await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Token_UnknownGrantType_UnsupportedGrantType()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = emulator.CreateInstanceClient();

        using var response = await client.PostAsync("/services/oauth2/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_OnScrtListener_NotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var client = emulator.CreateScrtClient();

        using var response = await client.PostAsync("/services/oauth2/token", new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AccessToken_AfterLifetime_IsRejected()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:AccessTokenLifetime=00:10:00");
        var token = await emulator.GetAccessTokenAsync();
        var tokens = emulator.Get<Byoc.Emulator.Auth.IAccessTokens>();

        Assert.NotNull(tokens.Validate(token));
        emulator.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(tokens.Validate(token));
    }

    private static async Task<JsonElement> PostAsync(TestEmulator emulator, string assertion, HttpStatusCode expected)
    {
        using var client = emulator.CreateInstanceClient();
        using var response = await client.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        }), Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }
}

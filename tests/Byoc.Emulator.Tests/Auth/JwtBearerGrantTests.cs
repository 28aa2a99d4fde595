using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
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
    public async Task Token_BadClaims_InvalidGrant(string username, string audience, int expiresInSeconds)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var key = await AppKeyAsync(emulator);
        var assertion = JwtAssertion.Create(key, emulator.ConnectedApp.ConsumerKey, username, audience,
            emulator.Time.GetUtcNow().AddSeconds(expiresInSeconds).ToUnixTimeSeconds());

        var body = await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Token_UnknownIssuer_InvalidClientId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var key = await AppKeyAsync(emulator);
        var assertion = JwtAssertion.Create(key, "3MVG9unknown", "integration@byoc.emulated", "https://login.salesforce.com",
            emulator.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds());

        var body = await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_client_id", body.GetProperty("error").GetString());
        Assert.Equal("client identifier invalid", body.GetProperty("error_description").GetString());
    }

    /// <summary>
    /// `sf org login jwt` signs exp = Date.now() + 300 (milliseconds) and real orgs accept it; samples sign an hour or more
    /// ahead, and the help article's example writes exp as a string of digits.
    /// </summary>
    [Theory]
    [InlineData("milliseconds")]
    [InlineData("an hour")]
    [InlineData("string")]
    [InlineData("fraction")]
    public async Task Token_ExpiryFormsRealOrgsAccept_IssuesToken(string form)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var now = emulator.Time.GetUtcNow();
        var exp = form switch
        {
            "milliseconds" => (now.ToUnixTimeMilliseconds() + 300).ToString(CultureInfo.InvariantCulture),
            "an hour" => now.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "string" => $"\"{now.AddMinutes(3).ToUnixTimeSeconds()}\"",
            _ => $"{now.AddMinutes(3).ToUnixTimeSeconds()}.25",
        };

        var body = await PostAsync(emulator, await SignAsync(emulator, Claims(emulator, exp: exp)), HttpStatusCode.OK);

        Assert.StartsWith(emulator.Org.OrgId15 + "!", body.GetProperty("access_token").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// A millisecond exp is read as milliseconds, not as seconds thousands of years ahead: one whose time (plus the clock-skew
    /// allowance) has passed is expired, as one in seconds is.
    /// </summary>
    [Theory]
    [InlineData(300, 179_300, false)]
    [InlineData(300, 181_300, true)]
    [InlineData(-200_000, 0, true)]
    public async Task Token_MillisecondExpiry_ExpiredOnceTheAllowanceHasPassed(long expAfterSigningMs, long sentAfterSigningMs, bool expired)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var exp = (emulator.Time.GetUtcNow().ToUnixTimeMilliseconds() + expAfterSigningMs).ToString(CultureInfo.InvariantCulture);
        var assertion = await SignAsync(emulator, Claims(emulator, exp: exp));
        emulator.Time.Advance(TimeSpan.FromMilliseconds(sentAfterSigningMs));

        var body = await PostAsync(emulator, assertion, expired ? HttpStatusCode.BadRequest : HttpStatusCode.OK);

        Assert.Equal(expired ? "expired authorization code" : null,
            body.TryGetProperty("error_description", out var description) ? description.GetString() : null);
    }

    /// <summary>Values that are neither seconds nor milliseconds of a plausible time.</summary>
    [Theory]
    [InlineData("-1")]
    [InlineData("100000000000000")]
    [InlineData("1e20")]
    [InlineData("\"99999999999999999999\"")]
    public async Task Token_ExpiryOutOfRange_InvalidGrantNamingTheRange(string exp)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var body = await PostAsync(emulator, await SignAsync(emulator, Claims(emulator, exp: exp)), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Contains("exp is out of range", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Claims of the wrong JSON type, read before the signature is checked, so anyone can send them.</summary>
    [Theory]
    [InlineData("{\"alg\":256}", null, "alg must be a string")]
    [InlineData("{\"alg\":[\"RS256\"]}", null, "alg must be a string")]
    [InlineData("{\"typ\":\"JWT\"}", null, "alg is missing")]
    [InlineData("{\"alg\":\"HS256\"}", null, "alg RS256")]
    [InlineData("[1,2]", null, "base64url-encoded JSON")]
    [InlineData(null, "iss", "iss must be a string")]
    [InlineData(null, "sub", "sub must be a string")]
    [InlineData(null, "aud", "aud must be a string or an array of strings")]
    [InlineData(null, "audArray", "aud must be a string or an array of strings")]
    [InlineData(null, "expText", "exp must be a NumericDate")]
    [InlineData(null, "expAbsurd", "exp must be a NumericDate")]
    [InlineData(null, "expObject", "exp must be a NumericDate")]
    [InlineData(null, "expMissing", "exp is missing")]
    [InlineData(null, "issMissing", "iss is missing")]
    public async Task Token_MalformedAssertion_InvalidGrantNamingTheProblem(string? header, string? claim, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var exp = emulator.Time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var claims = claim switch
        {
            "iss" => Claims(emulator, iss: "42", exp: exp),
            "sub" => Claims(emulator, sub: "{\"name\":\"integration@byoc.emulated\"}", exp: exp),
            "aud" => Claims(emulator, aud: "true", exp: exp),
            "audArray" => Claims(emulator, aud: "[\"https://login.salesforce.com\",7]", exp: exp),
            "expText" => Claims(emulator, exp: "\"in five minutes\""),
            "expAbsurd" => Claims(emulator, exp: "1e400"),
            "expObject" => Claims(emulator, exp: "{\"seconds\":1}"),
            "expMissing" => Claims(emulator, exp: null),
            "issMissing" => Claims(emulator, iss: null, exp: exp),
            _ => Claims(emulator, exp: exp),
        };

        var body = await PostAsync(emulator, await SignAsync(emulator, claims, header), HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Contains(expected, body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("!!!.???.***")]
    [InlineData("e30.e30.x")]
    [InlineData("")]
    public async Task Token_UnreadableAssertion_InvalidGrant(string assertion)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var body = await PostAsync(emulator, assertion, HttpStatusCode.BadRequest);

        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
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
    public async Task AccessToken_IdleForTheTimeout_IsRejected()
    {
        await using var emulator = await TestEmulator.StartAsync("--Emulator:SessionTimeout=00:10:00");
        var token = await emulator.GetAccessTokenAsync();
        var tokens = emulator.Get<Byoc.Emulator.Auth.IAccessTokens>();

        Assert.NotNull(tokens.Validate(token));
        emulator.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(tokens.Validate(token));
    }

    private static async Task<RSA> AppKeyAsync(TestEmulator emulator)
    {
        var key = RSA.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(emulator.ConnectedApp.PrivateKeyPath, Ct));
        return key;
    }

    /// <summary>The claim set as raw JSON, each value given as JSON text ("" = the valid default, null = left out).</summary>
    private static string Claims(TestEmulator emulator, string? iss = "", string? sub = "", string? aud = "", string? exp = "")
    {
        var members = new List<string>();
        void Add(string name, string? json, string fallback)
        {
            if (json is not null)
            {
                members.Add($"\"{name}\":{(json.Length == 0 ? fallback : json)}");
            }
        }

        Add("iss", iss, JsonSerializer.Serialize(emulator.ConnectedApp.ConsumerKey));
        Add("sub", sub, "\"integration@byoc.emulated\"");
        Add("aud", aud, "\"https://login.salesforce.com\"");
        Add("exp", exp, "0");
        return "{" + string.Join(',', members) + "}";
    }

    /// <summary>Signs raw header and claims JSON with the connected app's key, as any JWT library would.</summary>
    private static async Task<string> SignAsync(TestEmulator emulator, string claims, string? header = null)
    {
        using var key = await AppKeyAsync(emulator);
        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header ?? "{\"alg\":\"RS256\"}")) + "." + Base64Url(Encoding.UTF8.GetBytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static async Task<JsonElement> PostAsync(
TestEmulator emulator, string assertion, HttpStatusCode expected)
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

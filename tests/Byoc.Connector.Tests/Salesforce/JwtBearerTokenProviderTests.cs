using System.Security.Cryptography;
using Byoc.Connector.Salesforce;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Byoc.Connector.Tests.Salesforce;

public sealed class JwtBearerTokenProviderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestKeys _keys = new();
    private readonly HttpClient _http = new();
    private FakeTokenEndpoint _endpoint = null!;

    public async ValueTask InitializeAsync() => _endpoint = await FakeTokenEndpoint.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _endpoint.DisposeAsync();
        _http.Dispose();
        _keys.Dispose();
    }

    [Fact]
    public async Task GetTokenAsync_FirstCall_PostsSignedAssertionWithClaimsInSeconds()
    {
        using var sut = CreateSut();

        var token = await sut.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("00Dxx0000001!token-1", token.AccessToken);
        Assert.Equal(new Uri("https://example.my.salesforce.com"), token.InstanceUrl);
        Assert.Equal("urn:ietf:params:oauth:grant-type:jwt-bearer", Assert.Single(_endpoint.GrantTypes));
        var assertion = Assert.Single(_endpoint.Assertions);
        Assert.Equal("RS256", assertion.Alg);
        Assert.Equal("consumer-key", assertion.Issuer);
        Assert.Equal("integration@example.com", assertion.Subject);
        Assert.Equal(_endpoint.BaseAddress.GetLeftPart(UriPartial.Authority), Assert.Single(assertion.Audiences));
        Assert.True(assertion.TryGetPayloadValue<long>("exp", out var exp));
        Assert.Equal(_time.GetUtcNow().AddMinutes(3).ToUnixTimeSeconds(), exp);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(assertion.EncodedToken, new TokenValidationParameters
        {
            IssuerSigningKey = new RsaSecurityKey(RSA.Create(_keys.Rsa.ExportParameters(false))),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
    }

    [Fact]
    public async Task GetTokenAsync_CalledAgainWhileFresh_ReturnsCachedToken()
    {
        using var sut = CreateSut();
        var ct = TestContext.Current.CancellationToken;

        var first = await sut.GetTokenAsync(ct);
        _time.Advance(TimeSpan.FromMinutes(54));
        var second = await sut.GetTokenAsync(ct);

        Assert.Same(first, second);
        Assert.Equal(1, _endpoint.Mints);
    }

    [Fact]
    public async Task GetTokenAsync_WithinRefreshMargin_MintsProactively()
    {
        using var sut = CreateSut();
        var ct = TestContext.Current.CancellationToken;

        await sut.GetTokenAsync(ct);
        _time.Advance(TimeSpan.FromMinutes(55));
        var renewed = await sut.GetTokenAsync(ct);

        Assert.Equal("00Dxx0000001!token-2", renewed.AccessToken);
        Assert.Equal(2, _endpoint.Mints);
    }

    [Fact]
    public async Task GetTokenAsync_JwtAccessToken_UsesItsExpiry()
    {
        var expires = _time.GetUtcNow().AddMinutes(20).ToUnixTimeSeconds();
        _endpoint.TokenFactory = n => new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            $$"""{"sub":"token-{{n}}","exp":{{expires}}}""");
        using var sut = CreateSut();

        var token = await sut.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(expires), token.ExpiresAt);
    }

    [Fact]
    public async Task RenewAsync_ConcurrentCallersWithSameRejectedToken_MintOnce()
    {
        using var sut = CreateSut();
        var ct = TestContext.Current.CancellationToken;
        var rejected = await sut.GetTokenAsync(ct);

        var renewed = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => sut.RenewAsync(rejected, ct))).WaitAsync(TimeSpan.FromSeconds(10), ct);

        Assert.All(renewed, token => Assert.Equal("00Dxx0000001!token-2", token.AccessToken));
        Assert.Equal(2, _endpoint.Mints);
    }

    [Fact]
    public async Task GetTokenAsync_InvalidGrant_ThrowsWithDescriptionAndNoToken()
    {
        _endpoint.RefuseWith = "user hasn't approved this consumer";
        using var sut = CreateSut();

        var ex = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => sut.GetTokenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("invalid_grant", ex.Message, StringComparison.Ordinal);
        Assert.Contains("user hasn't approved this consumer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTokenAsync_MissingKeyFile_NamesTheConfigurationKey()
    {
        using var sut = CreateSut(keyPath: Path.Combine(_keys.Directory, "missing.key"));

        var ex = await Assert.ThrowsAsync<SalesforceAuthenticationException>(() => sut.GetTokenAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Connector:Salesforce:PrivateKeyPath", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Token_DoesNotRevealTheSecret()
    {
        var token = new SalesforceToken("secret-token", new Uri("https://x.my.salesforce.com"), _time.GetUtcNow());

        Assert.DoesNotContain("secret-token", token.ToString(), StringComparison.Ordinal);
    }

    private JwtBearerTokenProvider CreateSut(string? keyPath = null) => new(
        _http,
        Options.Create(new SalesforceOptions
        {
            LoginUrl = _endpoint.BaseAddress,
            ConsumerKey = "consumer-key",
            Username = "integration@example.com",
            PrivateKeyPath = keyPath ?? _keys.PrivateKeyPath,
            AssumedTokenLifetime = TimeSpan.FromHours(1),
            TokenRefreshMargin = TimeSpan.FromMinutes(5),
        }),
        _time,
        NullLogger<JwtBearerTokenProvider>.Instance);
}

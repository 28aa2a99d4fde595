using Byoc.Connector.Salesforce;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>Hands out numbered tokens, counts renewals and remembers when each token was minted.</summary>
internal sealed class FakeTokenProvider : ISalesforceTokenProvider
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _mintedAt = new();
    private SalesforceToken _current;
    private int _renewals;

    public FakeTokenProvider() => _current = Mint(1);

    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>When <paramref name="accessToken"/> was minted, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long MintedAt(string accessToken) => _mintedAt.TryGetValue(accessToken, out var at) ? at : long.MinValue;

    public Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_current);

    public Task<SalesforceToken> RenewAsync(SalesforceToken rejected, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _renewals);
        _current = Mint(n + 1);
        return Task.FromResult(_current);
    }

    private SalesforceToken Mint(int n)
    {
        var token = new SalesforceToken($"token-{n}", new Uri("https://example.my.salesforce.com"), DateTimeOffset.MaxValue);
        _mintedAt[token.AccessToken] = Environment.TickCount64;
        return token;
    }
}

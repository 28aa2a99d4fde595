using Byoc.Connector.Salesforce;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>Hands out numbered tokens and counts renewals.</summary>
internal sealed class FakeTokenProvider : ISalesforceTokenProvider
{
    private SalesforceToken _current = Create(1);
    private int _renewals;

    public int Renewals => Volatile.Read(ref _renewals);

    public Task<SalesforceToken> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(_current);

    public Task<SalesforceToken> RenewAsync(SalesforceToken rejected, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _renewals);
        _current = Create(n + 1);
        return Task.FromResult(_current);
    }

    private static SalesforceToken Create(int n) =>
        new($"token-{n}", new Uri("https://example.my.salesforce.com"), DateTimeOffset.MaxValue);
}

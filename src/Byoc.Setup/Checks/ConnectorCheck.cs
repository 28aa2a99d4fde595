namespace Byoc.Setup.Checks;

/// <summary>The connector is ready (its readiness endpoint) (troubleshooting: "Messages not reaching Salesforce").</summary>
internal sealed class ConnectorCheck : IDoctorCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public string Name => "connector";

    public string Title => "Connector reachable";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Options.ConnectorUrl is not { } url)
        {
            return new CheckResult(Name, Title, CheckStatus.Skip, "No connector URL given (--connector-url).");
        }

        // Readiness, not liveness: it covers the connector's store, its Salesforce token and its Pub/Sub stream (docs/operations.md).
        var health = new Uri(url, "/healthz/ready");
        var fix = $"Start the connector (byoc connector, or byoc up for the emulated org) listening on {url.GetLeftPart(UriPartial.Authority)}.";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            using var response = await context.Http.GetAsync(health, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode
                ? new CheckResult(Name, Title, CheckStatus.Pass, $"GET {health} → {(int)response.StatusCode} {body}")
                : new CheckResult(Name, Title, CheckStatus.Fail, $"GET {health} → {(int)response.StatusCode} {body}", "The evidence names the failing readiness check (store, salesforce-token or pubsub); the connector's log says why.");
        }
        catch (HttpRequestException ex)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"GET {health} failed: {ex.Message}", fix);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, $"GET {health} did not answer within {s_timeout.TotalSeconds:0} s.", fix);
        }
    }
}

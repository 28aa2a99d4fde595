using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>Runs every doctor check in order; a check that throws is reported as failed with the error, never hides the others.</summary>
public static class DoctorRunner
{
    /// <summary>The org's checks, in the order the report shows them.</summary>
    public static IReadOnlyList<IDoctorCheck> Checks(TimeProvider time) =>
    [
        new AgentActiveCheck(),
        new OmniChannelCheck(),
        new ChannelDefinitionCheck(),
        new EventFieldsCheck(),
        new ScrtPermissionCheck(),
        new ChannelCheck(),
        new SessionHandlerCheck(),
        new FallbackQueueCheck(),
        new ConnectorCheck(),
        new ConnectorTokenCheck(time),
        new PubSubTopicCheck(),
    ];

    /// <summary>Runs the org's checks and then the options' channel checks, reporting each to <paramref name="progress"/> as it ends.</summary>
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(DoctorContext context, TimeProvider time, Action<CheckResult>? progress, CancellationToken cancellationToken)
    {
        var results = new List<CheckResult>();
        foreach (var check in Checks(time).Concat(context.Options.ChannelChecks))
        {
            CheckResult result;
            try
            {
                result = await check.RunAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is OrgApiException or HttpRequestException)
            {
                result = new CheckResult(check.Name, check.Title, CheckStatus.Fail, ex.Message, "The org refused the check's query; see the error.");
            }

            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }
}

using Byoc.Setup.Connection;
using Byoc.Setup.Org;

namespace Byoc.Setup.Checks;

/// <summary>
/// The connector's credentials still work: its JWT bearer login succeeds and the token is accepted by the org
/// (troubleshooting: "Verify the Connected App used by the managed package has the correct OAuth scopes").
/// </summary>
internal sealed class ConnectorTokenCheck(TimeProvider time) : IDoctorCheck
{
    public string Name => "connector-token";

    public string Title => "Connector's token is valid";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Options.ConnectorLogin is not { } login)
        {
            return new CheckResult(Name, Title, CheckStatus.Skip, "No connector login given (--connector-consumer-key, --connector-username, --connector-key-file).");
        }

        try
        {
            var connection = await context.ConnectorLoginAsync(cancellationToken);
            var me = await new OrgClient(context.Http, connection, time).UserInfoAsync(cancellationToken);
            return new CheckResult(Name, Title, CheckStatus.Pass, $"JWT bearer login as {login.Username} at {login.LoginUrl} works; the org knows the token ({me["preferred_username"]}).");
        }
        catch (Exception ex) when (ex is OrgLoginException or OrgApiException or HttpRequestException)
        {
            return new CheckResult(Name, Title, CheckStatus.Fail, ex.Message,
                $"Check the connected app (consumer key, uploaded certificate, pre-authorized profile of {login.Username}) and the connector's key file.");
        }
    }
}

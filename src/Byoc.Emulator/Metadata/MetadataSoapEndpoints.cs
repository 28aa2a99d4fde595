using System.Xml.Linq;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Org.Records;
using Byoc.Emulator.Soap;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Metadata;

/// <summary>
/// The Metadata SOAP API at <c>/services/Soap/m/NN.0</c>: <c>deploy</c>, <c>checkDeployStatus</c> and
/// <c>cancelDeploy</c> (org-emulation.md §4.7), and <c>readMetadata</c> of settings (<see cref="SettingsReader"/>). The session comes from the envelope's <c>SessionHeader</c>; the CLI sends
/// no Authorization header here.
/// </summary>
internal static class MetadataSoapEndpoints
{
    private static readonly XNamespace s_md = SoapNamespaces.Metadata;

    public static IEndpointRouteBuilder MapMetadataSoap(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/services/Soap/m/{version}", HandleAsync);
        routes.MapPost("/services/Soap/m/{version}/{orgId}", HandleAsync);
        return routes;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> HandleAsync(
        string version, string? orgId, HttpRequest http, IAccessTokens tokens, DeployJobs jobs, MetadataDeployer deployer,
        OrgStore store, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!SoapApis.IsApiVersion(version))
        {
            return TypedResults.NotFound();
        }

        var request = await SoapRequest.ReadAsync(http, cancellationToken);
        if (request is null)
        {
            return SoapResponses.MalformedRequest();
        }

        var session = SoapSessions.Validate(tokens, request, http, orgId);
        if (session is null)
        {
            return SoapResponses.InvalidSession(s_md);
        }

        return request.Operation.Name.LocalName switch
        {
            "deploy" => Deploy(request, session, jobs, store, timeProvider),
            "checkDeployStatus" => Check(request, jobs, deployer, timeProvider),
            "cancelDeploy" => Cancel(request, jobs, timeProvider),
            "readMetadata" => Read(request, store),
            var other => SoapResponses.Fault(s_md, "soapenv:Client", $"No operation available for request {{{s_md.NamespaceName}}}{other}"),
        };
    }

    private static ContentHttpResult Deploy(SoapRequest request, AccessTokenInfo session, DeployJobs jobs, OrgStore store, TimeProvider timeProvider)
    {
        byte[] zip;
        try
        {
            zip = Convert.FromBase64String(request.Child("ZipFile") ?? request.Child("zipFile") ?? "");
        }
        catch (FormatException)
        {
            return SoapResponses.Fault(s_md, "soapenv:Client", "Unable to decode ZipFile: not valid base64");
        }

        var options = DeployOptions.Parse(request.Operation.Elements().FirstOrDefault(e => e.Name.LocalName is "DeployOptions" or "deployOptions"));
        var userName = store.Get(session.UserId)?.GetString("Name") ?? session.UserId;
        var job = new DeployJob(jobs.NextId(), zip, options, session.UserId, userName, timeProvider.GetUtcNow());
        jobs.Add(job);
        return Respond("deployResponse", new XElement(s_md + "result",
            new XElement(s_md + "done", "false"),
            new XElement(s_md + "id", job.Id),
            new XElement(s_md + "state", "Queued")));
    }

    private static ContentHttpResult Check(SoapRequest request, DeployJobs jobs, MetadataDeployer deployer, TimeProvider timeProvider)
    {
        var job = jobs.Find(request.Child("asyncProcessId") ?? "");
        if (job is null)
        {
            return SoapResponses.Fault(s_md, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }

        var includeDetails = string.Equals(request.Child("includeDetails"), "true", StringComparison.OrdinalIgnoreCase);
        lock (job.Sync)
        {
            if (job.Outcome is null && !job.Canceled)
            {
                job.StartDate = timeProvider.GetUtcNow();
                job.Outcome = deployer.Deploy(job.Zip!, job.Options, job.UserId);
                job.Zip = null;
                job.CompletedDate = job.LastModifiedDate = timeProvider.GetUtcNow();
                return Respond("checkDeployStatusResponse", DeployResultXml.Result(job, includeDetails));
            }

            job.ReportedInProgress = true;
            return Respond("checkDeployStatusResponse", DeployResultXml.Result(job, includeDetails));
        }
    }

    private static ContentHttpResult Cancel(SoapRequest request, DeployJobs jobs, TimeProvider timeProvider)
    {
        var job = jobs.Find(request.Child("String") ?? request.Child("asyncProcessId") ?? "");
        if (job is null)
        {
            return SoapResponses.Fault(s_md, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }

        lock (job.Sync)
        {
            if (job.Outcome is null)
            {
                job.Canceled = true;
                job.CompletedDate = job.LastModifiedDate = timeProvider.GetUtcNow();
            }

            return Respond("cancelDeployResponse", new XElement(s_md + "result",
                new XElement(s_md + "done", job.Canceled ? "true" : "false"),
                new XElement(s_md + "id", job.Id)));
        }
    }

    private static ContentHttpResult Read(SoapRequest request, OrgStore store)
    {
        var type = request.Child("type")?.Trim() ?? "";
        var fullNames = request.Operation.Elements().Where(e => e.Name.LocalName == "fullNames").Select(e => e.Value.Trim()).ToList();
        if (type.Length == 0 || fullNames.Count == 0)
        {
            return SoapResponses.Fault(s_md, "soapenv:Client", "readMetadata needs a type and at least one fullNames element");
        }

        // UNCONFIRMED: the fault a real org gives for a type it cannot read; the emulated org reads settings types only.
        if (!SettingsReader.Reads(type))
        {
            return SoapResponses.Fault(s_md, "INVALID_TYPE", $"The emulated org reads settings types only (such as OmniChannelSettings), not {type}");
        }

        return Respond("readMetadataResponse", new XElement(s_md + "result", SettingsReader.Records(s_md, store, type, fullNames)));
    }

    private static ContentHttpResult Respond(string operation, XElement result) =>
        SoapResponses.Envelope(null, new XElement(s_md + operation, result),
            new XAttribute("xmlns", s_md.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", SoapNamespaces.Instance.NamespaceName));
}

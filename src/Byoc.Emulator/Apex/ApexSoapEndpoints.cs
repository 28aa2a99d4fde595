using System.Xml.Linq;
using Byoc.Emulator.Auth;
using Byoc.Emulator.Soap;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Apex;

/// <summary>
/// The Apex SOAP API's <c>executeAnonymous</c> at <c>/services/Soap/s/NN.0[/{orgId}]</c> (org-emulation.md §4.6). The
/// response uses the <c>soapenv</c> prefix literally, because the sf CLI reads the keys <c>soapenv:Envelope</c> →
/// <c>soapenv:Body</c> → <c>executeAnonymousResponse</c> → <c>result</c>.
/// </summary>
internal static class ApexSoapEndpoints
{
    public static IEndpointRouteBuilder MapApexSoap(this IEndpointRouteBuilder routes)
    {
        // No regex route constraints: the slim builder the host uses does not register them.
        routes.MapPost("/services/Soap/s/{version}", ExecuteAsync);
        routes.MapPost("/services/Soap/s/{version}/{orgId}", ExecuteAsync);
        return routes;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> ExecuteAsync(
        string version, string? orgId, HttpRequest http, IAccessTokens tokens, AnonymousApexExecutor executor,
        CancellationToken cancellationToken)
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
            return SoapResponses.InvalidSession(SoapNamespaces.Apex);
        }

        if (request.Operation.Name.LocalName != "executeAnonymous")
        {
            return SoapResponses.Fault(SoapNamespaces.Apex, "soapenv:Client", $"No operation available for request {{{request.Operation.Name.NamespaceName}}}{request.Operation.Name.LocalName}");
        }

        var source = request.Child("apexcode") ?? "";
        var result = executor.Execute(source, session.UserId, version);
        return Respond(result);
    }

    private static ContentHttpResult Respond(ApexExecutionResult result)
    {
        XNamespace apex = SoapNamespaces.Apex;
        var header = new XElement(apex + "DebuggingInfo", new XElement(apex + "debugLog", SoapResponses.XmlSafe(result.DebugLog)));
        var body = new XElement(apex + "executeAnonymousResponse",
            new XElement(apex + "result",
                new XElement(apex + "column", result.Column),
                SoapResponses.Nillable(apex + "compileProblem", result.CompileProblem),
                new XElement(apex + "compiled", result.Compiled ? "true" : "false"),
                SoapResponses.Nillable(apex + "exceptionMessage", result.ExceptionMessage),
                SoapResponses.Nillable(apex + "exceptionStackTrace", result.ExceptionStackTrace),
                new XElement(apex + "line", result.Line),
                new XElement(apex + "success", result.Success ? "true" : "false")));
        return SoapResponses.Envelope(header, body,
            new XAttribute("xmlns", apex.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", SoapNamespaces.Instance.NamespaceName));
    }
}

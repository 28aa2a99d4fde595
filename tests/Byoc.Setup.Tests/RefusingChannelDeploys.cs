using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Byoc.Setup.Tests;

/// <summary>
/// Passes every call through to the org, except a Metadata deploy containing a <c>MessagingChannel</c>: that one gets the
/// deploy result a real org gives for a component it cannot create (a failed component), as when BYOC channels can only be
/// created in Setup.
/// </summary>
internal sealed class RefusingChannelDeploys() : DelegatingHandler(new HttpClientHandler())
{
    private static readonly XNamespace s_md = "http://soap.sforce.com/2006/04/metadata";

    private const string RefusedId = "0AfREFUSED0000001";

    public int Refused { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null || !request.RequestUri!.AbsolutePath.StartsWith("/services/Soap/m/", StringComparison.Ordinal))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = await request.Content.ReadAsStringAsync(cancellationToken);
        var operation = XDocument.Parse(body).Descendants(s_md + "ZipFile").SingleOrDefault()?.Value;
        if (operation is not null && HasChannel(Convert.FromBase64String(operation)))
        {
            Refused++;
            return Soap(new XElement(s_md + "result", new XElement(s_md + "id", RefusedId), new XElement(s_md + "done", false)));
        }

        if (body.Contains(RefusedId, StringComparison.Ordinal))
        {
            return Soap(FailedResult());
        }

        request.Content = new StringContent(body, Encoding.UTF8, "text/xml");
        return await base.SendAsync(request, cancellationToken);
    }

    private static XElement FailedResult() =>
        new(s_md + "result",
            new XElement(s_md + "id", RefusedId),
            new XElement(s_md + "done", true),
            new XElement(s_md + "status", "Failed"),
            new XElement(s_md + "success", false),
            new XElement(s_md + "details", new XElement(s_md + "componentFailures",
                new XElement(s_md + "componentType", "MessagingChannel"),
                new XElement(s_md + "fullName", "AgentforceChannel"),
                new XElement(s_md + "problem", "Not available for deploy for this organization"))));

    private static HttpResponseMessage Soap(XElement result)
    {
        var envelope = new XElement(XNamespace.Get("http://schemas.xmlsoap.org/soap/envelope/") + "Envelope",
            new XElement(XNamespace.Get("http://schemas.xmlsoap.org/soap/envelope/") + "Body", new XElement(s_md + "response", result)));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(envelope.ToString(), Encoding.UTF8, "text/xml") };
    }

    private static bool HasChannel(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip));
        return archive.Entries.Any(e => e.FullName.StartsWith("messagingChannels/", StringComparison.Ordinal));
    }
}

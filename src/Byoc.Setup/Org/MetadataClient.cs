using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Byoc.Setup.Connection;

namespace Byoc.Setup.Org;

/// <summary>The Metadata SOAP API's <c>deploy</c>, <c>checkDeployStatus</c> and <c>readMetadata</c> (<c>/services/Soap/m/NN.0</c>).</summary>
internal sealed class MetadataClient(HttpClient http, OrgConnection connection, TimeProvider time)
{
    private static readonly XNamespace s_soap = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace s_md = "http://soap.sforce.com/2006/04/metadata";
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Deploys a zip with <c>package.xml</c> at its root and waits until the org finished it.</summary>
    public async Task<DeployResult> DeployAsync(byte[] zip, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = await CallAsync(new XElement(s_md + "deploy",
            new XElement(s_md + "ZipFile", Convert.ToBase64String(zip)),
            new XElement(s_md + "DeployOptions",
                new XElement(s_md + "rollbackOnError", true),
                new XElement(s_md + "singlePackage", true))), cancellationToken);
        var id = Value(started, "id") ?? throw new OrgApiException(HttpStatusCode.OK, "NO_ID", "deploy answered without an id.");
        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            var status = await CallAsync(new XElement(s_md + "checkDeployStatus",
                new XElement(s_md + "asyncProcessId", id),
                new XElement(s_md + "includeDetails", true)), cancellationToken);
            if (string.Equals(Value(status, "done"), "true", StringComparison.OrdinalIgnoreCase))
            {
                var failures = status.Descendants(s_md + "componentFailures")
                    .Select(f => $"{Value(f, "componentType")} {Value(f, "fullName")}: {Value(f, "problem")}")
                    .ToList();
                if (Value(status, "errorMessage") is { } error)
                {
                    failures.Add(error);
                }

                return new DeployResult(id, Value(status, "status") ?? "Unknown",
                    string.Equals(Value(status, "success"), "true", StringComparison.OrdinalIgnoreCase),
                    int.TryParse(Value(status, "numberComponentsDeployed"), CultureInfo.InvariantCulture, out var deployed) ? deployed : 0,
                    failures);
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Deploy {id} did not finish within {timeout}.");
            }

            await Task.Delay(s_pollInterval, time, cancellationToken);
        }
    }

    /// <summary>
    /// Reads one component with <c>readMetadata</c> (for example type <c>OmniChannelSettings</c>, full name
    /// <c>OmniChannel</c>); null when the org answers an empty record, which is how it reports a name it does not have.
    /// </summary>
    public async Task<XElement?> ReadAsync(string type, string fullName, CancellationToken cancellationToken)
    {
        var result = await CallAsync(new XElement(s_md + "readMetadata",
            new XElement(s_md + "type", type),
            new XElement(s_md + "fullNames", fullName)), cancellationToken);
        var record = result.Element(s_md + "records");
        return record?.Element(s_md + "fullName") is null ? null : record;
    }

    /// <summary>The text of a field of a record <see cref="ReadAsync"/> returned.</summary>
    public static string? Field(XElement record, string name) => Value(record, name);

    private static string? Value(XElement parent, string name) => parent.Element(s_md + name)?.Value;

    private async Task<XElement> CallAsync(XElement operation, CancellationToken cancellationToken)
    {
        var envelope = new XElement(s_soap + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", s_soap.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "met", s_md.NamespaceName),
            new XElement(s_soap + "Header",
                new XElement(s_md + "SessionHeader", new XElement(s_md + "sessionId", connection.AccessToken))),
            new XElement(s_soap + "Body", operation));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(connection.InstanceUrl, $"/services/Soap/m/{OrgClient.ApiVersion}"))
        {
            Content = new StringContent(envelope.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Add("SOAPAction", "\"\"");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            throw new OrgApiException(response.StatusCode, "NOT_SOAP", $"The Metadata API answered {(int)response.StatusCode} without SOAP XML.");
        }

        var fault = document.Descendants(s_soap + "Fault").FirstOrDefault();
        if (fault is not null)
        {
            throw new OrgApiException(response.StatusCode, fault.Element("faultcode")?.Value ?? "soapenv:Server", fault.Element("faultstring")?.Value ?? "SOAP fault");
        }

        return document.Descendants(s_md + "result").FirstOrDefault()
            ?? throw new OrgApiException(response.StatusCode, "NO_RESULT", $"{operation.Name.LocalName} answered without a result.");
    }
}

using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byoc.Emulator.Soap;

/// <summary>Writes SOAP responses and faults (HTTP 500 <c>soapenv:Fault</c> with an <c>sf:</c>-qualified code).</summary>
internal static class SoapResponses
{
    public const string ContentType = "text/xml; charset=utf-8";

    public static ContentHttpResult Envelope(XElement? header, XElement body, params XAttribute[] namespaces)
    {
        var env = SoapNamespaces.Envelope;
        var envelope = new XElement(env + "Envelope", new XAttribute(XNamespace.Xmlns + "soapenv", env), namespaces);
        if (header is not null)
        {
            envelope.Add(new XElement(env + "Header", header));
        }

        envelope.Add(new XElement(env + "Body", body));
        return TypedResults.Text(Serialize(envelope), ContentType, null, StatusCodes.Status200OK);
    }

    /// <summary>
    /// A fault such as <c>sf:INVALID_SESSION_ID</c>; the sf CLI treats a SOAP call as expired only on HTTP 500 with that
    /// code (org-emulation.md §2.6). <paramref name="faultNamespace"/> is the API's namespace.
    /// </summary>
    public static ContentHttpResult Fault(XNamespace faultNamespace, string code, string message)
    {
        var env = SoapNamespaces.Envelope;
        var xsi = SoapNamespaces.Instance;
        var sf = faultNamespace;
        var qualified = code.Contains(':', StringComparison.Ordinal) ? code : $"sf:{code}";
        var fault = new XElement(env + "Fault",
            new XElement("faultcode", qualified),
            new XElement("faultstring", code.Contains(':', StringComparison.Ordinal) ? message : $"{code}: {message}"));
        if (!code.Contains(':', StringComparison.Ordinal))
        {
            fault.Add(new XElement("detail",
                new XElement(sf + "UnexpectedErrorFault", new XAttribute(xsi + "type", "sf:UnexpectedErrorFault"),
                    new XElement(sf + "exceptionCode", code),
                    new XElement(sf + "exceptionMessage", message))));
        }

        var envelope = new XElement(env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", env),
            new XAttribute(XNamespace.Xmlns + "sf", sf),
            new XAttribute(XNamespace.Xmlns + "xsi", xsi),
            new XElement(env + "Body", fault));
        return TypedResults.Text(Serialize(envelope), ContentType, null, StatusCodes.Status500InternalServerError);
    }

    public static ContentHttpResult InvalidSession(XNamespace faultNamespace) =>
        Fault(faultNamespace, "INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");

    public static ContentHttpResult MalformedRequest() =>
        Fault(SoapNamespaces.Envelope, "soapenv:Client", "Unable to parse the request: expected a SOAP envelope with a body operation");

    public static XElement Nillable(XName name, string? value) =>
        value is null ? new XElement(name, new XAttribute(SoapNamespaces.Instance + "nil", "true")) : new XElement(name, XmlSafe(value));

    /// <summary>Replaces characters XML 1.0 cannot carry (control characters stored in a record, say) with U+FFFD.</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)))
        {
            return text;
        }

        return string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD'));
    }

    private static string Serialize(XElement envelope) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + envelope.ToString(SaveOptions.DisableFormatting);
}

using System.Xml;
using System.Xml.Linq;

namespace Byoc.Emulator.Soap;

/// <summary>A parsed SOAP request: the operation element (first child of Body) and the session id from the header.</summary>
internal sealed record SoapRequest(XElement Operation, string? SessionId)
{
    private static readonly XmlReaderSettings s_settings = new()
    {
        Async = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary>Reads the envelope; null when the body is not a SOAP envelope with an operation.</summary>
    public static async Task<SoapRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(request.Body, s_settings);
            document = await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken);
        }
        catch (XmlException)
        {
            return null;
        }

        var envelope = document.Root;
        if (envelope is null || envelope.Name.LocalName != "Envelope")
        {
            return null;
        }

        var body = envelope.Elements().FirstOrDefault(e => e.Name.LocalName == "Body");
        var operation = body?.Elements().FirstOrDefault();
        if (operation is null)
        {
            return null;
        }

        var sessionId = envelope.Elements().FirstOrDefault(e => e.Name.LocalName == "Header")?
            .Descendants().FirstOrDefault(e => e.Name.LocalName == "sessionId")?.Value.Trim();
        return new SoapRequest(operation, string.IsNullOrEmpty(sessionId) ? null : sessionId);
    }

    /// <summary>The text of a direct child of the operation, by local name.</summary>
    public string? Child(string localName) => Operation.Elements().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;
}

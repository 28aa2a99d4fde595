using System.Xml;
using System.Xml.Linq;

namespace Byoc.Emulator.Soap;

/// <summary>A parsed SOAP request: the operation element (first child of Body) and the session id from the header.</summary>
internal sealed record SoapRequest(XElement Operation, string? SessionId)
{
    /// <summary>Larger than any zip the CLI deploys for the guide; a bigger body is refused as malformed.</summary>
    private const int MaxBodyBytes = 64 * 1024 * 1024;

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    /// <summary>Reads the envelope; null when the body is not a SOAP envelope with an operation.</summary>
    public static async Task<SoapRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered first: Kestrel forbids the synchronous reads XmlReader does while detecting the encoding.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(buffer, s_settings);
            document = XDocument.Load(reader);
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

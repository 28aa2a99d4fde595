using System.Collections.Specialized;
using Byoc.Core.Channels;
using Twilio.Security;

namespace Byoc.Connector.Channels.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with Twilio's own <see cref="RequestValidator"/> (HMAC-SHA1 keyed with the Auth Token
/// over the public URL as called plus the form fields sorted by name; for a JSON body, the URL alone with the body's
/// SHA-256 in its <c>bodySHA256</c> query parameter). The library compares in constant time and also tries the URL with
/// and without the default port, as Twilio's own helpers do.
/// </summary>
internal sealed class TwilioRequestSignature(string authToken)
{
    /// <summary>The header Twilio signs every webhook request with.</summary>
    public const string Header = "X-Twilio-Signature";

    private readonly RequestValidator _validator = new(authToken);

    /// <summary>Null when <paramref name="request"/> is signed by the account; else the refusal to answer.</summary>
    public InboundResult? Check(InboundRequest request)
    {
        if (request.PublicUrl is not { } url)
        {
            return InboundResult.Refuse(InboundRefusalKind.Forbidden, "Public URL unknown",
                "The connector cannot check Twilio's signature without the public URL Twilio called (configure PublicBaseUrl).");
        }

        if (request.Header(Header) is not { Length: > 0 } signature)
        {
            return InboundResult.Unauthenticated($"The request has no {Header} header.", "Signature missing");
        }

        bool valid;
        if (request.MediaType == InboundLimits.Form)
        {
            var fields = new NameValueCollection(StringComparer.Ordinal);
            foreach (var (name, value) in request.Form)
            {
                fields.Add(name, value);
            }

            valid = _validator.Validate(url.AbsoluteUri, fields, signature);
        }
        else
        {
            valid = request.Query["bodySHA256"] is not null
                && _validator.Validate(url.AbsoluteUri, System.Text.Encoding.UTF8.GetString(request.Body.Span), signature);
        }

        return valid ? null : InboundResult.Refuse(InboundRefusalKind.Forbidden, "Invalid signature",
            $"{Header} does not match the request signed with the account's Auth Token over {url.GetLeftPart(UriPartial.Path)}.");
    }
}

using System.Net;

namespace Byoc.Setup.Org;

/// <summary>An org API answered with an error; <see cref="ErrorCode"/> is Salesforce's code (<c>INVALID_FIELD</c>, <c>NOT_FOUND</c>, ...).</summary>
internal sealed class OrgApiException(HttpStatusCode status, string errorCode, string message)
    : Exception($"{(int)status} {errorCode}: {message}")
{
    public HttpStatusCode Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}

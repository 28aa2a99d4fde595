using System.Net;

namespace Byoc.Setup.Org;

/// <summary>An org API answered with an error; <see cref="ErrorCode"/> is Salesforce's code (<c>INVALID_FIELD</c>, <c>NOT_FOUND</c>, ...).</summary>
public sealed class OrgApiException(HttpStatusCode status, string errorCode, string message)
    : Exception($"{(int)status} {errorCode}: {message}")
{
    /// <summary>The HTTP status the API answered with.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>Salesforce's error code.</summary>
    public string ErrorCode { get; } = errorCode;
}

namespace Byoc.Connector.Salesforce.Wire;

/// <summary>200 body of <c>/acknowledgement</c> and <c>/capabilities</c>.</summary>
internal sealed record SuccessResponse(bool? Success, ApiError? ErrorDetail);

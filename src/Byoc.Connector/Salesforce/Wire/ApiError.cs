namespace Byoc.Connector.Salesforce.Wire;

/// <summary>The Interaction Service API's error body <c>{code, message}</c>.</summary>
internal sealed record ApiError(int? Code, string? Message);

using Byoc.Core.Delivery;

namespace Byoc.Connector.Salesforce;

/// <summary>The result value of one Interaction Service API call.</summary>
/// <typeparam name="T">The success body.</typeparam>
internal sealed record ApiResult<T>
{
    /// <summary>Succeeded, or why not and whether a retry may help.</summary>
    public required DeliveryOutcome Outcome { get; init; }

    /// <summary>The success body, when the call succeeded.</summary>
    public T? Value { get; init; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The API error code from the <c>{code, message}</c> body.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>A short description of the failure.</summary>
    public string? Error => Outcome.Error;

    public bool IsSuccess => Outcome.IsSuccess;
}

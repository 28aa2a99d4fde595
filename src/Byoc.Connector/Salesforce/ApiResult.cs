namespace Byoc.Connector.Salesforce;

/// <summary>The result value of one Interaction Service API call.</summary>
/// <typeparam name="T">The success body.</typeparam>
internal sealed record ApiResult<T>
{
    public required ApiOutcome Outcome { get; init; }

    /// <summary>The success body, when <see cref="Outcome"/> is <see cref="ApiOutcome.Success"/>.</summary>
    public T? Value { get; init; }

    /// <summary>The HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The API error code from the <c>{code, message}</c> body.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>A short description of the failure.</summary>
    public string? Error { get; init; }

    public bool IsSuccess => Outcome == ApiOutcome.Success;
}

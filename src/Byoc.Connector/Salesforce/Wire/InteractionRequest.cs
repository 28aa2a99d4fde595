namespace Byoc.Connector.Salesforce.Wire;

/// <summary>The <c>json</c> part of <c>POST /api/v1/interactions</c> (<c>InteractionRequestJson</c>).</summary>
internal sealed record InteractionRequest
{
    public required string To { get; init; }

    public required string From { get; init; }

    public IReadOnlyDictionary<string, string>? RoutingAttributes { get; init; }

    /// <summary>Exactly one interaction.</summary>
    public required IReadOnlyList<Interaction> Interactions { get; init; }
}

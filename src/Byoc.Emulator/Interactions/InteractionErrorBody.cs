namespace Byoc.Emulator.Interactions;

/// <summary>The Interaction Service API error body (schema <c>Error</c>): <c>{"code": int, "message": string}</c>.</summary>
internal sealed record InteractionErrorBody(int Code, string Message);

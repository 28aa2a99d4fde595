namespace Byoc.TestUtilities.Contracts;

/// <summary>A JSON value does not satisfy its contract schema.</summary>
public sealed class ContractViolationException(string message) : Exception(message);

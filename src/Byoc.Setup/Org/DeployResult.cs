namespace Byoc.Setup.Org;

/// <summary>A finished Metadata deploy: its id and status, whether it succeeded, and each failed component's problem.</summary>
internal sealed record DeployResult(string Id, string Status, bool Success, int ComponentsDeployed, IReadOnlyList<string> Failures);

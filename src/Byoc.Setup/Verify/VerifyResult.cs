namespace Byoc.Setup.Verify;

/// <summary>One row of the Definition of Done table: what was checked, whether it held, what was seen and how long it took.</summary>
public sealed record VerifyResult(string Name, string Title, bool Passed, string Evidence, TimeSpan Elapsed);

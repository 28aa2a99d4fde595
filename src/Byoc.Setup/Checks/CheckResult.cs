namespace Byoc.Setup.Checks;

/// <summary>One check's verdict, what it saw, and how to fix a failure.</summary>
/// <param name="Name">Short id of the check (<c>agent-active</c>).</param>
/// <param name="Title">What is checked, in words.</param>
/// <param name="Status">The verdict.</param>
/// <param name="Evidence">What the org or the connector answered.</param>
/// <param name="Fix">What to do when it failed.</param>
/// <param name="Note">Where the check departs from the guide (a corrected query), or null.</param>
public sealed record CheckResult(string Name, string Title, CheckStatus Status, string Evidence, string? Fix = null, string? Note = null);

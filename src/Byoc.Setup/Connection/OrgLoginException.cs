namespace Byoc.Setup.Connection;

/// <summary>Logging in to the org failed; the message names what to fix.</summary>
public sealed class OrgLoginException(string message, Exception? inner = null) : Exception(message, inner);

namespace Byoc.Setup.Connection;

/// <summary>A logged-in session on one org: where its instance is and the access token to send.</summary>
/// <param name="InstanceUrl">The org's instance (My Domain) URL.</param>
/// <param name="AccessToken">The session's bearer token.</param>
/// <param name="Source">How the session was obtained, for messages ("sf CLI alias 'dev'", "JWT bearer", "emulated org").</param>
public sealed record OrgConnection(Uri InstanceUrl, string AccessToken, string Source)
{
    /// <summary>The token's OAuth scopes as the token response listed them (space-separated), or null when it listed none.</summary>
    public string? Scope { get; init; }
}

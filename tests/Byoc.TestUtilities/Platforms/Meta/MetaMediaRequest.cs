namespace Byoc.TestUtilities.Platforms.Meta;

/// <summary>One request of the application to the fake's media endpoints, whatever the answer.</summary>
/// <param name="Kind"><c>lookup</c> (<c>GET /{media-id}</c>), <c>download</c> (the media URL) or <c>upload</c>.</param>
/// <param name="MediaId">The media id asked for, or the new upload's id.</param>
/// <param name="StatusCode">The fake's answer.</param>
/// <param name="Authorized">Whether the request carried the access token as a bearer token.</param>
public sealed record MetaMediaRequest(string Kind, string? MediaId, int StatusCode, bool Authorized);

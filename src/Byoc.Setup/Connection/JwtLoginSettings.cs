namespace Byoc.Setup.Connection;

/// <summary>What a JWT bearer login needs: the connected app's consumer key, the user, the signing key and the login URL.</summary>
public sealed record JwtLoginSettings(string ConsumerKey, string Username, string KeyFile, Uri LoginUrl);

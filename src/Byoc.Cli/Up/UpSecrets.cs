using System.Security.Cryptography;
using System.Text.Json;

namespace Byoc.Cli.Up;

/// <summary>
/// The secrets <c>byoc up</c> generates once and keeps in <c>up-secrets.json</c> in the state folder, so a second run (and a
/// visitor's stored chat session, and a webhook client) keeps working.
/// </summary>
internal sealed record UpSecrets
{
    public const string FileName = "up-secrets.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>HMAC key of the <c>web</c> chat channel's visitor session tokens.</summary>
    public required string WebChatSessionSecret { get; init; }

    /// <summary>The <c>webhook</c> channel's Standard Webhooks secret (<c>whsec_</c> + base64).</summary>
    public required string WebhookSecret { get; init; }

    /// <summary>The connector's admin API key (<c>byoc deadletters --api-key</c>); added to an older file on first use.</summary>
    public string AdminApiKey { get; init; } = string.Empty;

    /// <summary>Reads the secrets from the state folder, generating and saving them on first use.</summary>
    public static UpSecrets LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<UpSecrets>(File.ReadAllText(path), s_json) is
            { WebChatSessionSecret.Length: > 0, WebhookSecret.Length: > 0 } existing)
        {
            return existing.AdminApiKey.Length > 0 ? existing : Save(path, existing with { AdminApiKey = NewAdminKey() });
        }

        Directory.CreateDirectory(stateDirectory);
        return Save(path, new UpSecrets
        {
            WebChatSessionSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            WebhookSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            AdminApiKey = NewAdminKey(),
        });
    }

    private static string NewAdminKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static UpSecrets Save(string path, UpSecrets secrets)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            writer.Write(JsonSerializer.Serialize(secrets, s_json));
        }

        return secrets;
    }
}

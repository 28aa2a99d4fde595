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

    /// <summary>Reads the secrets from the state folder, generating and saving them on first use.</summary>
    public static UpSecrets LoadOrCreate(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, FileName);
        if (File.Exists(path) && JsonSerializer.Deserialize<UpSecrets>(File.ReadAllText(path), s_json) is
            { WebChatSessionSecret.Length: > 0, WebhookSecret.Length: > 0 } existing)
        {
            return existing;
        }

        var secrets = new UpSecrets
        {
            WebChatSessionSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            WebhookSecret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        Directory.CreateDirectory(stateDirectory);
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

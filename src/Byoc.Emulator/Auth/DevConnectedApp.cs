using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Byoc.Emulator.Hosting;

namespace Byoc.Emulator.Auth;

/// <summary>
/// The development connected app generated on first start: consumer key and secret, and the RSA key pair with the X.509
/// certificate the app "uploaded" for digital signatures (interaction-service-api.md §3.1). The private key is exported to the
/// state folder for connectors to sign their JWT assertions with.
/// </summary>
internal sealed class DevConnectedApp
{
    private DevConnectedApp(string consumerKey, string consumerSecret, X509Certificate2 certificate, string privateKeyPath, string certificatePath)
    {
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        Certificate = certificate;
        PrivateKeyPath = privateKeyPath;
        CertificatePath = certificatePath;
    }

    public string ConsumerKey { get; }

    /// <summary>Keys the HMAC of the token response's <c>signature</c>, as a real org uses the consumer secret.</summary>
    public string ConsumerSecret { get; }

    /// <summary>The certificate JWT assertions are verified against.</summary>
    public X509Certificate2 Certificate { get; }

    public string PrivateKeyPath { get; }

    public string CertificatePath { get; }

    public static DevConnectedApp LoadOrCreate(StateFolder state, TimeProvider timeProvider)
    {
        if (File.Exists(state.ConnectedAppPath) && File.Exists(state.JwtCertificatePath) && File.Exists(state.JwtPrivateKeyPath))
        {
            var stored = JsonSerializer.Deserialize<StoredApp>(File.ReadAllText(state.ConnectedAppPath));
            if (stored is not null)
            {
                var certificate = X509CertificateLoader.LoadCertificateFromFile(state.JwtCertificatePath);
                return new DevConnectedApp(stored.ConsumerKey, stored.ConsumerSecret, certificate, state.JwtPrivateKeyPath, state.JwtCertificatePath);
            }
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
        // Real consumer keys start with 3MVG9 and are 85 characters long.
        var consumerKey = "3MVG9" + RandomNumberGenerator.GetString(Alphabet, 80);
        var consumerSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=BYOC Emulator Connected App", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = timeProvider.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
        File.WriteAllText(state.JwtPrivateKeyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(state.JwtCertificatePath, created.ExportCertificatePem());
        File.WriteAllText(state.ConnectedAppPath, JsonSerializer.Serialize(new StoredApp(consumerKey, consumerSecret)));
        return new DevConnectedApp(
            consumerKey, consumerSecret, X509CertificateLoader.LoadCertificateFromFile(state.JwtCertificatePath),
            state.JwtPrivateKeyPath, state.JwtCertificatePath);
    }

    private sealed record StoredApp(string ConsumerKey, string ConsumerSecret);
}

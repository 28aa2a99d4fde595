using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Byoc.Cli.Commands.Config;

/// <summary>
/// The integration user's JWT signing key and the self-signed certificate to upload to the External Client App or
/// Connected App ("Use digital signatures"): RSA 2048, SHA-256, valid for two years. An existing pair is kept, so a
/// second <c>byoc setup --write-config</c> does not invalidate the certificate already uploaded.
/// </summary>
internal static class IntegrationKeys
{
    public const string KeyFileName = "integration-key.pem";
    public const string CertificateFileName = "integration-certificate.crt";

    private static readonly TimeSpan s_validity = TimeSpan.FromDays(730);

    /// <summary>The key and certificate files in <paramref name="directory"/>, generated when either is missing.</summary>
    /// <returns>The two paths and whether they were generated now.</returns>
    public static (string KeyPath, string CertificatePath, bool Generated) LoadOrCreate(string directory, string subject, TimeProvider time)
    {
        var keyPath = Path.Combine(directory, KeyFileName);
        var certificatePath = Path.Combine(directory, CertificateFileName);
        if (File.Exists(keyPath) && File.Exists(certificatePath))
        {
            return (keyPath, certificatePath, false);
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + subject), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now + s_validity);
        OwnerOnlyFile.Write(keyPath, rsa.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem() + "\n");
        return (keyPath, certificatePath, true);
    }

    /// <summary>Checks that <paramref name="certificatePath"/> holds the public half of the key in <paramref name="keyPath"/>.</summary>
    /// <exception cref="ArgumentException">A file cannot be read as PEM, or the two do not belong together.</exception>
    public static void EnsurePair(string keyPath, string certificatePath)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--certificate '{certificatePath}' and --private-key '{keyPath}' are not a PEM certificate and its RSA key: {ex.Message}", ex);
        }
    }
}

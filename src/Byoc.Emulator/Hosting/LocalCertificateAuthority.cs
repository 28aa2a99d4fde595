using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Byoc.Emulator.Hosting;

/// <summary>
/// A local certificate authority generated on first start: its certificate is exported as PEM for clients to trust, and it
/// signs the Pub/Sub listener's server certificate (127.0.0.1, localhost), so gRPC clients use real TLS as against Salesforce.
/// </summary>
internal static class LocalCertificateAuthority
{
    /// <summary>Loads the server certificate, generating the CA and the certificate when missing.</summary>
    public static X509Certificate2 LoadOrCreateServerCertificate(StateFolder state, TimeProvider timeProvider)
    {
        if (File.Exists(state.ServerCertificatePath) && File.Exists(state.CaCertificatePath))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(state.ServerCertificatePath, password: null);
            if (existing.NotAfter > timeProvider.GetUtcNow().UtcDateTime.AddDays(1))
            {
                return existing;
            }

            existing.Dispose();
        }

        var now = timeProvider.GetUtcNow();
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=BYOC Emulator Local CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = serverRequest.Create(ca, now.AddDays(-1), now.AddYears(2), serial);
        using var server = signed.CopyWithPrivateKey(serverKey);

        File.WriteAllText(state.CaCertificatePath, ca.ExportCertificatePem());
        File.WriteAllText(state.CaKeyPath, caKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(state.ServerCertificatePath, server.Export(X509ContentType.Pkcs12));
        return X509CertificateLoader.LoadPkcs12FromFile(state.ServerCertificatePath, password: null);
    }
}

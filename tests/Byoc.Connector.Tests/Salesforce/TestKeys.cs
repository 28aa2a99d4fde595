using System.Security.Cryptography;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>A throw-away RSA key written as PEM to a temp file, for JWT bearer tests.</summary>
internal sealed class TestKeys : IDisposable
{
    public TestKeys()
    {
        Rsa = RSA.Create(2048);
        Directory = System.IO.Directory.CreateTempSubdirectory("byoc-keys-").FullName;
        PrivateKeyPath = Path.Combine(Directory, "server.key");
        File.WriteAllText(PrivateKeyPath, Rsa.ExportPkcs8PrivateKeyPem());
    }

    public RSA Rsa { get; }

    public string Directory { get; }

    public string PrivateKeyPath { get; }

    public void Dispose()
    {
        Rsa.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

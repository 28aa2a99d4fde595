using System.Security.Cryptography;

namespace Byoc.Connector.Tests.Salesforce;

/// <summary>A throw-away RSA key written as PEM to a temp file, for JWT bearer tests.</summary>
internal sealed class TestKeys : IDisposable
{
    /// <summary>One key for the whole run: generating RSA keys is slow on a busy machine.</summary>
    private static readonly Lazy<RSA> s_rsa = new(() => RSA.Create(2048));

    public TestKeys()
    {
        Rsa = s_rsa.Value;
        Directory = System.IO.Directory.CreateTempSubdirectory("byoc-keys-").FullName;
        PrivateKeyPath = Path.Combine(Directory, "server.key");
        File.WriteAllText(PrivateKeyPath, Rsa.ExportPkcs8PrivateKeyPem());
    }

    public RSA Rsa { get; }

    public string Directory { get; }

    public string PrivateKeyPath { get; }

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

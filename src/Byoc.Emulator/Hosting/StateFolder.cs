namespace Byoc.Emulator.Hosting;

/// <summary>The emulator's state folder (<c>.byoc/</c> by default): databases, dev keys and certificates, attachments.</summary>
internal sealed class StateFolder
{
    public StateFolder(EmulatorOptions options)
    {
        Root = Path.GetFullPath(options.StateDirectory);
        InMemory = options.InMemory;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>True when records and events are kept in memory (the files below that hold data are not used).</summary>
    public bool InMemory { get; }

    public string OrgDatabasePath => Path.Combine(Root, "org.db");

    public string EventDatabasePath => Path.Combine(Root, "events.db");

    public string AttachmentsDirectory => Path.Combine(Root, "attachments");

    public string ConnectedAppPath => Path.Combine(Root, "connected-app.json");

    public string JwtPrivateKeyPath => Path.Combine(Root, "jwt-private-key.pem");

    public string JwtCertificatePath => Path.Combine(Root, "jwt-certificate.pem");

    public string CaCertificatePath => Path.Combine(Root, "pubsub-ca.pem");

    public string CaKeyPath => Path.Combine(Root, "pubsub-ca-key.pem");

    public string ServerCertificatePath => Path.Combine(Root, "pubsub-server.pfx");

    public string CredentialsPath => Path.Combine(Root, "credentials.json");

    /// <summary>The generated password of the org's users for the SOAP API's <c>login()</c>.</summary>
    public string UserPasswordPath => Path.Combine(Root, "user-password.txt");
}

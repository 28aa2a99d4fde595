using System.Security.Cryptography;
using System.Text;
using Byoc.Emulator.Hosting;

namespace Byoc.Emulator.Auth;

/// <summary>
/// The password the org's users log in with through the SOAP API's <c>login()</c>: generated on first start into the state
/// folder (<c>user-password.txt</c>) and printed by <c>byoc emulator credentials</c>. One password for every user keeps the
/// dev org simple; the JWT bearer flow stays the way connectors authenticate.
/// </summary>
internal sealed class UserPasswords
{
    private readonly byte[] _password;

    private UserPasswords(string password)
    {
        Password = password;
        _password = Encoding.UTF8.GetBytes(password);
    }

    public string Password { get; }

    public static UserPasswords LoadOrCreate(StateFolder state)
    {
        if (File.Exists(state.UserPasswordPath) && File.ReadAllText(state.UserPasswordPath).Trim() is { Length: > 0 } stored)
        {
            return new UserPasswords(stored);
        }

        var password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        Directory.CreateDirectory(state.Root);
        File.WriteAllText(state.UserPasswordPath, password);
        return new UserPasswords(password);
    }

    /// <summary>Compares in constant time. A security token appended to the password, as real orgs may ask, is not used.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _password);
}

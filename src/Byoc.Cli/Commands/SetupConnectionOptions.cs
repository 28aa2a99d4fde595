using System.CommandLine;
using Byoc.Setup.Connection;

namespace Byoc.Cli.Commands;

/// <summary>
/// How <c>byoc setup</c>, <c>doctor</c> and <c>verify</c> reach the org: an existing sf CLI login (<c>--target-org</c>), a JWT
/// bearer login (<c>--consumer-key</c>, <c>--username</c>, <c>--key-file</c>, <c>--login-url</c>), or a running emulated org
/// (<c>--emulator</c>, its exported credentials in <c>--state-dir</c>, logging in as its administrator).
/// </summary>
internal sealed class SetupConnectionOptions
{
    public const string ExitCodesHelp =
        "Exit codes: 0 success; 1 a step or check failed; 2 invalid usage; 3 the org could not be reached or logged in to";

    private readonly Option<string?> _targetOrg = new("--target-org", "-o") { Description = "Alias or username of an sf CLI login (reads its token with sf org auth show-access-token)." };
    private readonly Option<string> _sf = new("--sf") { Description = "The Salesforce CLI executable.", DefaultValueFactory = _ => "sf" };
    private readonly Option<string?> _consumerKey = new("--consumer-key") { Description = "JWT bearer login: the connected app's consumer key." };
    private readonly Option<string?> _username = new("--username") { Description = "JWT bearer login: the user to log in as (an admin for setup)." };
    private readonly Option<string?> _keyFile = new("--key-file") { Description = "JWT bearer login: PEM private key of the connected app's certificate." };
    private readonly Option<Uri?> _loginUrl = SetupConsole.UrlOption("--login-url", "JWT bearer login: login URL.", new Uri("https://login.salesforce.com"));
    private readonly Option<bool> _emulator = new("--emulator") { Description = "Use the running emulated org (byoc up / byoc emulator) with the credentials it exported." };
    private readonly Option<string> _stateDir = new("--state-dir") { Description = "State folder of the emulated org (with --emulator).", DefaultValueFactory = _ => ".byoc" };

    public Option<bool> Emulator => _emulator;

    public Option<string> StateDirectory => _stateDir;

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _targetOrg, _sf, _consumerKey, _username, _keyFile, _loginUrl, _emulator, _stateDir })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The emulated org's exported state when <c>--emulator</c> is given.</summary>
    public EmulatorState? EmulatorState(ParseResult parseResult) =>
        parseResult.GetValue(_emulator) ? Byoc.Setup.Connection.EmulatorState.Read(parseResult.GetValue(_stateDir)!) : null;

    /// <summary>Whether any way to reach the org is given (<c>byoc doctor --config</c> runs without one).</summary>
    public bool AnyChosen(ParseResult parseResult) =>
        parseResult.GetValue(_targetOrg) is not null || parseResult.GetValue(_consumerKey) is not null || parseResult.GetValue(_username) is not null
        || parseResult.GetValue(_keyFile) is not null || parseResult.GetValue(_emulator);

    /// <summary>Logs in the way the options say; exactly one way must be chosen.</summary>
    public async Task<OrgConnection> LoginAsync(ParseResult parseResult, HttpClient http, TimeProvider time, CancellationToken cancellationToken)
    {
        var alias = parseResult.GetValue(_targetOrg);
        var jwt = parseResult.GetValue(_consumerKey) is not null || parseResult.GetValue(_username) is not null || parseResult.GetValue(_keyFile) is not null;
        var emulator = parseResult.GetValue(_emulator);
        var chosen = (alias is not null ? 1 : 0) + (jwt ? 1 : 0) + (emulator ? 1 : 0);
        if (chosen != 1)
        {
            throw new ArgumentException("Choose exactly one org connection: --target-org <alias>, a JWT login (--consumer-key, --username, --key-file, --login-url), or --emulator.");
        }

        if (emulator)
        {
            var state = EmulatorState(parseResult)!;
            return await JwtBearerLogin.LoginAsync(state.AdminLogin(), http, time, cancellationToken) with { Source = "emulated org (" + state.InstanceUrl + ")" };
        }

        if (alias is not null)
        {
            return await SfCliLogin.LoginAsync(alias, parseResult.GetValue(_sf)!, cancellationToken);
        }

        var settings = new JwtLoginSettings(
            parseResult.GetValue(_consumerKey) ?? throw new ArgumentException("--consumer-key is required for a JWT login."),
            parseResult.GetValue(_username) ?? throw new ArgumentException("--username is required for a JWT login."),
            parseResult.GetValue(_keyFile) ?? throw new ArgumentException("--key-file is required for a JWT login."),
            parseResult.GetValue(_loginUrl)!);
        return await JwtBearerLogin.LoginAsync(settings, http, time, cancellationToken);
    }
}

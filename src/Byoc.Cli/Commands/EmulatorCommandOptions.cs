using System.CommandLine;

namespace Byoc.Cli.Commands;

/// <summary>The options <c>byoc emulator</c> and <c>byoc emulator credentials</c> share, turned into emulator configuration.</summary>
internal sealed class EmulatorCommandOptions
{
    private readonly Option<int?> _instancePort = new("--instance-port") { Description = "Port of the org instance (OAuth, REST); default 6100, 0 picks one." };
    private readonly Option<int?> _scrtPort = new("--scrt-port") { Description = "Port of the Interaction Service API; default 6101." };
    private readonly Option<int?> _pubSubPort = new("--pubsub-port") { Description = "Port of the Pub/Sub API (gRPC); default 6102." };
    private readonly Option<bool> _plaintext = new("--pubsub-plaintext") { Description = "Serve Pub/Sub over plaintext HTTP/2 instead of TLS with the local CA." };
    private readonly Option<string?> _stateDir = new("--state-dir") { Description = "State folder (org database, keys, certificates); default .byoc" };

    public void AddTo(Command command)
    {
        command.Options.Add(_instancePort);
        command.Options.Add(_scrtPort);
        command.Options.Add(_pubSubPort);
        command.Options.Add(_plaintext);
        command.Options.Add(_stateDir);
    }

    public List<string> ToArgs(ParseResult parseResult)
    {
        var args = new List<string>();
        Add(args, "InstancePort", parseResult.GetValue(_instancePort));
        Add(args, "ScrtPort", parseResult.GetValue(_scrtPort));
        Add(args, "PubSubPort", parseResult.GetValue(_pubSubPort));
        if (parseResult.GetValue(_plaintext))
        {
            args.Add("--Emulator:PubSubTls=false");
        }

        if (parseResult.GetValue(_stateDir) is { } stateDir)
        {
            args.Add($"--Emulator:StateDirectory={stateDir}");
        }

        return args;
    }

    private static void Add(List<string> args, string key, int? value)
    {
        if (value is { } port)
        {
            args.Add($"--Emulator:{key}={port}");
        }
    }
}

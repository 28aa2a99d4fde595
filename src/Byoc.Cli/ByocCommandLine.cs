using System.CommandLine;
using Byoc.Cli.Commands;
using Byoc.Cli.Commands.Channels;

namespace Byoc.Cli;

/// <summary>Builds the <c>byoc</c> command tree and runs it.</summary>
internal static class ByocCommandLine
{
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand(
            "BYOC Connector: connects external messaging channels to a Salesforce Agentforce Service Agent. " +
            "Runs the connector and an emulated Salesforce org, and sets up, diagnoses and verifies an org.");
        root.Subcommands.Add(UpCommand.Create());
        root.Subcommands.Add(ConnectorCommand.Create());
        root.Subcommands.Add(EmulatorCommand.Create());
        root.Subcommands.Add(SetupCommand.Create(TimeProvider.System));
        root.Subcommands.Add(DoctorCommand.Create(TimeProvider.System));
        root.Subcommands.Add(VerifyCommand.Create(TimeProvider.System));
        root.Subcommands.Add(DeadLettersCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ChannelsCommand.Create());
        return root;
    }

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parseResult = CreateRootCommand().Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return parseResult.InvokeAsync(configuration, cancellationToken);
    }
}

using System.CommandLine;

namespace Byoc.Cli.Commands;

/// <summary><c>byoc up</c>: starts the emulated org and the connector together.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var command = new Command("up", "Start the emulated Salesforce org and the connector together, wired, and print the web chat URL.");
        command.SetAction((parseResult, _) =>
        {
            parseResult.InvocationConfiguration.Error.WriteLine(
                "byoc up is not available yet: the connector and the emulated org are still being built (see README.md).");
            return Task.FromResult(ExitCodes.NotAvailable);
        });
        return command;
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
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

    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        InvokeAsync(args, output, error, CliConsole.Width(output), cancellationToken);

    /// <summary>Runs <paramref name="args"/> with help text wrapped at <paramref name="width"/> columns.</summary>
    internal static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, int width, CancellationToken cancellationToken)
    {
        var root = CreateRootCommand();

        // Help wraps where the tables do (CliConsole.Width: COLUMNS when set); System.CommandLine only asks the terminal.
        if (root.Options.OfType<HelpOption>().FirstOrDefault()?.Action is HelpAction help)
        {
            help.MaxWidth = width;
        }

        // A bare 'byoc' shows the commands rather than an error.
        var parseResult = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parseResult.Errors.Count > 0 && !AsksForHelp(parseResult))
        {
            return await WriteUsageErrorsAsync(parseResult, error);
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>
    /// Bad flags exit with <see cref="ExitCodes.InvalidUsage"/> and say what is wrong plus where the help is, in place of
    /// System.CommandLine's default of the whole help page and exit code 1.
    /// </summary>
    private static async Task<int> WriteUsageErrorsAsync(ParseResult parseResult, TextWriter error)
    {
        var command = CommandPath(parseResult.CommandResult);
        foreach (var parseError in parseResult.Errors)
        {
            await error.WriteLineAsync($"{command}: {parseError.Message}");
        }

        await error.WriteLineAsync($"Run '{command} --help' for the options.");
        return ExitCodes.InvalidUsage;
    }

    private static bool AsksForHelp(ParseResult parseResult) =>
        parseResult.Tokens.Any(t => t.Type == TokenType.Option && t.Value is "--help" or "-h" or "-?" or "/?" or "/h");

    /// <summary>The command as typed, for example <c>byoc deadletters show</c> (the root is always named <c>byoc</c>).</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Insert(0, command.Parent is null ? "byoc" : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
